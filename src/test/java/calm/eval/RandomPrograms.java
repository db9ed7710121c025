package calm.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random pure Datalog programs that are stratifiable by construction: derived relations come in
 * groups; a rule may read its own group positively (recursion, also mutual), and lower groups in any
 * way (negation, aggregation). Arithmetic results are guarded into a small range, so recursion through
 * arithmetic stays finite.
 */
final class RandomPrograms {
  private static final String[] VARS = {"A", "B", "C", "D"};
  private final Random random;
  private final StringBuilder text = new StringBuilder();
  private final List<String> names = new ArrayList<>();
  private final List<Integer> arities = new ArrayList<>();
  private final List<Integer> groups = new ArrayList<>();

  RandomPrograms(long seed) {
    this.random = new Random(seed);
  }

  String generate() {
    int bases = 2 + random.nextInt(2);
    for (int i = 0; i < bases; i++) {
      int arity = 1 + random.nextInt(2);
      declare("e" + i, arity, -1);
      int facts = 3 + random.nextInt(10);
      for (int f = 0; f < facts; f++) {
        text.append("e").append(i).append('(');
        for (int c = 0; c < arity; c++) {
          text.append(c > 0 ? ", " : "").append(random.nextInt(8) - 1);
        }
        text.append(").\n");
      }
    }
    int derived = 2 + random.nextInt(5);
    for (int i = 0; i < derived; i++) {
      declare("d" + i, 1 + random.nextInt(2), i / 2);
    }
    for (int i = 0; i < derived; i++) {
      int rules = 1 + random.nextInt(3);
      boolean aggregated = random.nextInt(4) == 0 && groups.get(indexOf("d" + i)) > 0;
      for (int r = 0; r < rules; r++) {
        rule(indexOf("d" + i), aggregated);
      }
    }
    return text.toString();
  }

  private void declare(String name, int arity, int group) {
    names.add(name);
    arities.add(arity);
    groups.add(group);
    text.append("table ").append(name).append('(');
    for (int c = 0; c < arity; c++) {
      text.append(c > 0 ? ", " : "").append("c").append(c).append(": int");
    }
    text.append(").\n");
  }

  private int indexOf(String name) {
    return names.indexOf(name);
  }

  /** Relations a rule for a head in {@code group} may read positively (same or lower) or otherwise. */
  private int pick(int group, boolean sameAllowed) {
    List<Integer> options = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      int g = groups.get(i);
      if (g < group || (sameAllowed && g == group)) {
        options.add(i);
      }
    }
    return options.get(random.nextInt(options.size()));
  }

  private void rule(int head, boolean aggregated) {
    int group = groups.get(head);
    List<String> body = new ArrayList<>();
    List<String> bound = new ArrayList<>();
    int atoms = 1 + random.nextInt(3);
    for (int a = 0; a < atoms; a++) {
      int rel = pick(group, !aggregated);
      StringBuilder atom = new StringBuilder(names.get(rel)).append('(');
      for (int c = 0; c < arities.get(rel); c++) {
        int k = random.nextInt(10);
        String arg;
        if (k == 0) {
          arg = "_";
        } else if (k == 1) {
          arg = Integer.toString(random.nextInt(5));
        } else {
          arg = VARS[random.nextInt(VARS.length)];
          if (!bound.contains(arg)) {
            bound.add(arg);
          }
        }
        atom.append(c > 0 ? ", " : "").append(arg);
      }
      body.add(atom.append(')').toString());
    }
    if (bound.isEmpty()) {
      body.add("e0(" + "A" + (arities.get(0) == 2 ? ", _" : "") + ")");
      bound.add("A");
    }
    if (random.nextInt(3) == 0) {
      String x = any(bound);
      String op = new String[] {"<", "<=", ">", ">=", "!=", "="}[random.nextInt(6)];
      String y = random.nextBoolean() ? any(bound) : Integer.toString(random.nextInt(6) - 1);
      body.add(x + " " + op + " " + y);
    }
    if (random.nextInt(3) == 0) {
      String x = any(bound);
      String expr =
          switch (random.nextInt(6)) {
            case 0 -> x + " + " + any(bound);
            case 1 -> x + " - 1";
            case 2 -> x + " * " + (random.nextInt(3) - 1);
            case 3 -> x + " / " + (random.nextBoolean() ? "2" : "-3");
            case 4 -> x + " % 3";
            default -> "-" + x;
          };
      body.add(random.nextBoolean() ? "E = " + expr : expr + " = E");
      body.add("E < 9");
      body.add("E > -9");
      bound.add("E");
    }
    if (random.nextInt(3) == 0 && group >= 0) {
      int rel = pick(group, false);
      StringBuilder atom = new StringBuilder("not ").append(names.get(rel)).append('(');
      for (int c = 0; c < arities.get(rel); c++) {
        int k = random.nextInt(4);
        String arg = k == 0 ? "_" : k == 1 ? Integer.toString(random.nextInt(5)) : any(bound);
        atom.append(c > 0 ? ", " : "").append(arg);
      }
      body.add(atom.append(')').toString());
    }
    java.util.Collections.shuffle(body, random);
    StringBuilder h = new StringBuilder(names.get(head)).append('(');
    int arity = arities.get(head);
    int aggregateAt = aggregated ? random.nextInt(arity) : -1;
    for (int c = 0; c < arity; c++) {
      String arg;
      if (c == aggregateAt) {
        String fn = new String[] {"count", "sum", "min", "max"}[random.nextInt(4)];
        arg = fn + "(" + any(bound) + ")";
      } else if (random.nextInt(6) == 0) {
        arg = Integer.toString(random.nextInt(4));
      } else {
        arg = any(bound);
      }
      h.append(c > 0 ? ", " : "").append(arg);
    }
    h.append(')');
    text.append(h).append(" :- ").append(String.join(", ", body)).append(".\n");
  }

  private String any(List<String> from) {
    return from.get(random.nextInt(from.size()));
  }
}
