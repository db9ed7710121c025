package calm.eval;

import calm.syntax.RelationKind;
import calm.syntax.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a scenario file, one directive a line ({@code #} starts a comment):
 *
 * <pre>
 * node server client1 client2          # the nodes, in the order they run each tick
 * place price on server                # program/--facts facts of 'price' start only there
 * fact server price("eggs", 2)         # an extra initial fact on one node
 * input 3 client1 add_item("s1", "milk")   # an input event at tick 3
 * input any client2 checkout("s2")     # at a tick the schedule chooses (calm run: tick 1)
 * </pre>
 *
 * Without a {@code node} line the only node is {@code local}.
 */
public final class ScenarioParser {
  /** {@code place REL on nowhere}: the program's facts of REL start on no node (unless a node has that name). */
  static final String NOWHERE = "nowhere";

  private final CompiledProgram program;
  private final String fileName;

  public ScenarioParser(CompiledProgram program, String fileName) {
    this.program = program;
    this.fileName = fileName;
  }

  public Scenario parse(String text) throws FactsFormatException {
    Scenario scenario = Scenario.empty();
    List<Object[]> nodeUses = new ArrayList<>(); // {node, line}
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int number = i + 1;
      String line = stripComment(lines[i]).trim();
      if (line.isEmpty()) {
        continue;
      }
      String[] words = line.split("\\s+", 2);
      String rest = words.length > 1 ? words[1].trim() : "";
      switch (words[0]) {
        case "node" -> {
          if (rest.isEmpty()) {
            throw error(number, "'node' needs at least one node name");
          }
          for (String n : rest.split("\\s+")) {
            scenario.addNode(n);
          }
        }
        case "place" -> {
          String[] parts = rest.split("\\s+");
          if (parts.length < 3 || !parts[1].equals("on")) {
            throw error(number, "expected: place RELATION on NODE...");
          }
          Relation r = relation(number, parts[0]);
          if (r.kind() != RelationKind.TABLE && r.kind() != RelationKind.INPUT) {
            throw error(number, "only table and input facts can be placed; '" + r.name() + "' is a "
                + r.kind().keyword());
          }
          List<String> on = Arrays.asList(parts).subList(2, parts.length);
          if (on.equals(List.of(NOWHERE)) && !scenario.nodes().contains(NOWHERE)) {
            on = List.of(); // the program's facts start on no node: the scenario places them itself
          }
          on.forEach(n -> nodeUses.add(new Object[] {n, number}));
          scenario.place(r.name(), on);
        }
        case "fact" -> {
          String[] parts = rest.split("\\s+", 2);
          if (parts.length < 2) {
            throw error(number, "expected: fact NODE relation(values)");
          }
          GroundFact f = fact(number, parts[1], RelationKind.TABLE);
          nodeUses.add(new Object[] {parts[0], number});
          scenario.addFact(parts[0], f);
        }
        case "input" -> {
          String[] parts = rest.split("\\s+", 3);
          if (parts.length < 3) {
            throw error(number, "expected: input TICK|any NODE relation(values)");
          }
          int tick;
          if (parts[0].equals("any")) {
            tick = Scenario.ANY_TICK;
          } else {
            try {
              tick = Integer.parseInt(parts[0]);
            } catch (NumberFormatException e) {
              tick = -1;
            }
            if (tick < 1) {
              throw error(number, "a tick is a number from 1, or 'any': '" + parts[0] + "'");
            }
          }
          GroundFact f = fact(number, parts[2], RelationKind.INPUT);
          nodeUses.add(new Object[] {parts[1], number});
          scenario.addInput(parts[1], f, tick);
        }
        default -> throw error(number, "unknown directive '" + words[0] + "'; expected node, place, fact or input");
      }
    }
    if (scenario.nodes().isEmpty()) {
      scenario.addNode("local");
    }
    for (Object[] use : nodeUses) {
      if (!scenario.nodes().contains((String) use[0])) {
        throw error((Integer) use[1], "unknown node '" + use[0] + "'; the nodes are " + scenario.nodes());
      }
    }
    return scenario;
  }

  private static String stripComment(String line) {
    boolean inString = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"' && (i == 0 || line.charAt(i - 1) != '\\')) {
        inString = !inString;
      } else if (c == '#' && !inString) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  private Relation relation(int line, String name) throws FactsFormatException {
    return program.lookup(name).orElseThrow(() -> error(line, "unknown relation '" + name + "'"));
  }

  /** {@code rel(v, ...)} with an optional final '.', values as in the language (§1 Lexical). */
  private GroundFact fact(int line, String text, RelationKind expected) throws FactsFormatException {
    text = text.trim();
    if (text.endsWith(".")) {
      text = text.substring(0, text.length() - 1).trim();
    }
    int open = text.indexOf('(');
    if (open < 0 || !text.endsWith(")")) {
      throw error(line, "expected a fact like rel(1, \"a\"), not '" + text + "'");
    }
    Relation r = relation(line, text.substring(0, open).trim());
    if (r.kind() != expected) {
      throw error(line, expected == RelationKind.INPUT
          ? "'" + r.name() + "' is a " + r.kind().keyword() + ", not an input; use 'fact' for initial facts"
          : "'" + r.name() + "' is " + (r.kind() == RelationKind.INPUT ? "an input; write input TICK NODE "
              + r.name() + "(...) for an input event" : "a " + r.kind().keyword() + "; 'fact' is for tables"));
    }
    List<Object> values = values(line, text.substring(open + 1, text.length() - 1));
    if (values.size() != r.arity()) {
      throw error(line, "'" + r.name() + "' has " + r.arity() + " columns, the fact has " + values.size());
    }
    for (int c = 0; c < values.size(); c++) {
      boolean isString = values.get(c) instanceof String;
      if (isString != (r.types().get(c) == Type.STRING)) {
        throw error(line, "column " + r.columnNames().get(c) + " of '" + r.name() + "' holds "
            + r.types().get(c).keyword());
      }
    }
    return new GroundFact(r.name(), values);
  }

  private List<Object> values(int line, String text) throws FactsFormatException {
    List<Object> values = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (true) {
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i >= n) {
        if (!values.isEmpty()) {
          throw error(line, "a value is missing after ','");
        }
        return values;
      }
      if (text.charAt(i) == '"') {
        StringBuilder s = new StringBuilder();
        i++;
        while (true) {
          if (i >= n) {
            throw error(line, "unterminated string");
          }
          char c = text.charAt(i++);
          if (c == '"') {
            break;
          }
          if (c == '\\' && i < n) {
            char e = text.charAt(i++);
            switch (e) {
              case 'n' -> s.append('\n');
              case 't' -> s.append('\t');
              case '"', '\\' -> s.append(e);
              default -> throw error(line, "invalid escape \\" + e + "; the escapes are \\\" \\\\ \\n \\t");
            }
          } else {
            s.append(c);
          }
        }
        values.add(s.toString());
      } else {
        int start = i;
        while (i < n && text.charAt(i) != ',' && !Character.isWhitespace(text.charAt(i))) {
          i++;
        }
        String word = text.substring(start, i);
        try {
          values.add(Long.parseLong(word));
        } catch (NumberFormatException e) {
          throw error(line, "expected an integer or a \"string\", not '" + word + "'");
        }
      }
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i >= n) {
        return values;
      }
      if (text.charAt(i) != ',') {
        throw error(line, "expected ',' between values");
      }
      i++;
    }
  }

  private FactsFormatException error(int line, String message) {
    return new FactsFormatException(fileName + ":" + line + ": " + message);
  }
}
