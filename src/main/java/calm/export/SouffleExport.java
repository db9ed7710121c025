package calm.export;

import calm.analysis.CheckedProgram;
import calm.syntax.Aggregate;
import calm.syntax.Atom;
import calm.syntax.BinaryExpr;
import calm.syntax.Comparison;
import calm.syntax.Constant;
import calm.syntax.Constraint;
import calm.syntax.Declaration;
import calm.syntax.Expr;
import calm.syntax.Fact;
import calm.syntax.HeadForm;
import calm.syntax.IntConstant;
import calm.syntax.Literal;
import calm.syntax.NegatedLiteral;
import calm.syntax.Negation;
import calm.syntax.PositiveLiteral;
import calm.syntax.Program;
import calm.syntax.RelationKind;
import calm.syntax.Rule;
import calm.source.Span;
import calm.syntax.StringConstant;
import calm.syntax.Term;
import calm.syntax.Type;
import calm.syntax.Variable;
import calm.syntax.Wildcard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a checked program's stratified Datalog core as a Soufflé program: declarations, facts, rules,
 * negation, aggregates, {@code .input} for every relation no rule writes and {@code .output} for every
 * output relation. What has no Soufflé meaning (channels, inputs, {@code @next}, {@code @async},
 * {@code delete}, {@code @update}, keys and lattices) is refused with its place, never approximated.
 *
 * <p>An aggregate ranges over the distinct assignments of its body's named variables (§4), which is
 * not what Soufflé's {@code count : { ... }} counts once {@code _} or several atoms are involved; so
 * each aggregate rule becomes a helper relation holding exactly those assignments (with the group key
 * computed), a relation of its groups (a group exists only where an assignment does), and a rule that
 * aggregates over the helper per group.
 */
public final class SouffleExport {
  /** Something in the program that Soufflé cannot express, and where. */
  public record Refusal(Span span, String message) {}

  /** The Soufflé text, or why there is none. */
  public record Result(String text, List<Refusal> refusals) {
    public boolean ok() {
      return refusals.isEmpty();
    }
  }

  /** Soufflé's reserved words that a Calm relation or column name could spell. */
  private static final Set<String> RESERVED =
      Set.of(
          "count", "sum", "min", "max", "mean", "range", "match", "contains", "cat", "ord", "strlen",
          "substr", "to_number", "to_string", "to_float", "to_unsigned", "true", "false", "nil", "as",
          "band", "bor", "bxor", "bnot", "bshl", "bshr", "bshru", "land", "lor", "lxor", "lnot", "inline",
          "brie", "btree", "btree_delete", "eqrel", "number", "symbol", "unsigned", "float", "autoinc",
          "input", "output", "printsize", "choice", "subsumes", "magic", "no_magic", "no_inline", "override",
          "overridable", "plan", "type", "decl", "functor", "pragma", "comp", "init", "lattice", "stateful");

  private final Program program;
  private final Map<String, Declaration> declarations = new HashMap<>();
  private final List<Refusal> refusals = new ArrayList<>();
  private final StringBuilder out = new StringBuilder();

  private SouffleExport(Program program) {
    this.program = program;
    program.declarations().forEach(d -> declarations.putIfAbsent(d.name().text(), d));
  }

  /** Translates a program that passed {@code calm check} without errors. */
  public static Result of(CheckedProgram checked) {
    return new SouffleExport(checked.program()).translate(checked.outputs());
  }

  private Result translate(List<String> programOutputs) {
    // a relation that no rule writes and no fact holds gets its facts from FACTS_DIR/NAME.facts
    Set<String> written = new HashSet<>();
    program.rules().forEach(r -> written.add(r.head().atom().relation().text()));
    program.facts().forEach(f -> written.add(f.relation().text()));
    out.append("// Exported by `calm export --souffle` from ")
        .append(fileName(program.source().displayPath()))
        .append(". Run: souffle -F FACTS_DIR -D OUT_DIR THIS_FILE\n");
    List<String> inputs = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    for (Declaration d : program.declarations()) {
      declare(d);
      if (d.extern() || !written.contains(d.name().text())) {
        inputs.add(d.name().text());
      }
    }
    if (!inputs.isEmpty()) {
      out.append(".input ").append(String.join(", ", inputs)).append('\n');
    }
    // the one rule for a program's outputs (declared ones, else what no rule reads), as run uses
    outputs.addAll(programOutputs);
    if (!outputs.isEmpty()) {
      out.append(".output ").append(String.join(", ", outputs)).append('\n');
    }
    for (Fact f : program.facts()) {
      out.append(f.relation().text()).append('(');
      appendJoined(f.values(), this::constant);
      out.append(").\n");
    }
    for (Rule r : program.rules()) {
      rule(r);
    }
    for (Constraint c : program.constraints()) {
      // Soufflé has no denial constraints; keep the check visible for whoever runs the export
      out.append("// constraint ")
          .append(c.describe())
          .append(" (not checked by Soufflé): :- ")
          .append(body(c.body()))
          .append(".\n");
    }
    return new Result(refusals.isEmpty() ? out.toString() : "", List.copyOf(refusals));
  }

  private void declare(Declaration d) {
    String name = d.name().text();
    if (d.kind() == RelationKind.CHANNEL) {
      refuse(d.span(), "channel " + name + " has no Soufflé meaning: Soufflé has no nodes or messages");
      return;
    }
    if (d.kind() == RelationKind.INPUT) {
      refuse(
          d.span(),
          "input " + name + " has no Soufflé meaning: its facts are events of one tick;"
              + " declare it `table` (or `extern table`) to export the program");
      return;
    }
    if (d.keyed()) {
      refuse(
          d.span(),
          (d.isLatticeTable() ? "lattice table " : "keyed table ") + name
              + " has no faithful Soufflé form: Soufflé neither reports key conflicts nor joins lattice values"
              + " the way Calm does");
      return;
    }
    if (RESERVED.contains(name)) {
      refuse(d.name().span(), "relation name " + name + " is a reserved word in Soufflé; rename it to export");
      return;
    }
    out.append(".decl ").append(name).append('(');
    for (int i = 0; i < d.columns().size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      String column = d.columns().get(i).name().text();
      out.append(RESERVED.contains(column) ? column + "_" : column)
          .append(": ")
          .append(souffleType(d.columns().get(i).type()));
    }
    out.append(")\n");
  }

  private void rule(Rule r) {
    HeadForm form = r.head().form();
    if (form != HeadForm.SAME_TICK) {
      String what =
          switch (form) {
            case NEXT -> "@next (a later tick)";
            case DELETE -> "delete";
            case ASYNC -> "@async (a message)";
            case UPDATE -> "@update";
            default -> form.name();
          };
      refuse(r.head().span(), "a rule with " + what + " has no Soufflé meaning: Soufflé has no ticks");
      return;
    }
    Atom head = r.head().atom();
    int aggregateAt = -1;
    for (int i = 0; i < head.arguments().size(); i++) {
      if (head.arguments().get(i) instanceof Aggregate) {
        aggregateAt = i;
      }
    }
    if (aggregateAt < 0) {
      out.append(atom(head)).append(" :- ").append(body(r.body())).append(".\n");
    } else {
      aggregateRule(r, aggregateAt);
    }
  }

  private void aggregateRule(Rule r, int aggregateAt) {
    Atom head = r.head().atom();
    Aggregate aggregate = (Aggregate) head.arguments().get(aggregateAt);
    Map<String, Type> types = VariableTypes.of(r.body(), declarations);
    List<String> named = new ArrayList<>(namedVariables(r.body()));
    String suffix = r.head().span().line() + "_" + r.head().span().column();
    String helper = "calm_agg_" + head.relation().text() + "_" + suffix;
    String groups = "calm_groups_" + head.relation().text() + "_" + suffix;
    List<Expr> keys = new ArrayList<>();
    for (int i = 0; i < head.arguments().size(); i++) {
      if (i != aggregateAt) {
        keys.add((Expr) head.arguments().get(i));
      }
    }
    // the helper: one row per distinct assignment of the named body variables, group key computed
    List<String> helperColumns = new ArrayList<>();
    List<String> keyNames = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      keyNames.add("k" + i);
      helperColumns.add("k" + i + ": " + souffleType(typeOf(keys.get(i), types)));
    }
    for (String v : named) {
      helperColumns.add("v_" + v + ": " + souffleType(types.getOrDefault(v, Type.INT)));
    }
    out.append(".decl ").append(helper).append('(').append(String.join(", ", helperColumns)).append(")\n");
    List<String> helperHead = new ArrayList<>();
    keys.forEach(k -> helperHead.add(expr(k)));
    helperHead.addAll(named);
    out.append(helper)
        .append('(')
        .append(String.join(", ", helperHead))
        .append(") :- ")
        .append(body(r.body()))
        .append(".\n");
    List<String> groupColumns = helperColumns.subList(0, keys.size());
    out.append(".decl ").append(groups).append('(').append(String.join(", ", groupColumns)).append(")\n");
    List<String> helperPattern = new ArrayList<>(keyNames);
    named.forEach(v -> helperPattern.add("_"));
    out.append(groups)
        .append('(')
        .append(String.join(", ", keyNames))
        .append(") :- ")
        .append(helper)
        .append('(')
        .append(String.join(", ", helperPattern))
        .append(").\n");
    // the aggregate itself, once per group
    // only the aggregated variable is named inside: Soufflé warns about names used once
    String argument = aggregate.argument() instanceof Variable v ? "v_" + v.name() : expr(aggregate.argument());
    List<String> inner = new ArrayList<>(keyNames);
    String function = aggregate.function().keyword();
    boolean counting = function.equals("count");
    named.forEach(v -> inner.add(!counting && ("v_" + v).equals(argument) ? argument : "_"));
    String value =
        counting
            ? "count : { " + helper + "(" + String.join(", ", inner) + ") }"
            : function + " " + argument + " : { " + helper + "(" + String.join(", ", inner) + ") }";
    List<String> finalHead = new ArrayList<>();
    int key = 0;
    for (int i = 0; i < head.arguments().size(); i++) {
      finalHead.add(i == aggregateAt ? "calm_value" : keyNames.get(key++));
    }
    out.append(head.relation().text())
        .append('(')
        .append(String.join(", ", finalHead))
        .append(") :- ")
        .append(groups)
        .append('(')
        .append(String.join(", ", keyNames))
        .append("), calm_value = ")
        .append(value)
        .append(".\n");
  }

  private static Set<String> namedVariables(List<Literal> body) {
    Set<String> names = new LinkedHashSet<>();
    for (Literal l : body) {
      if (l instanceof PositiveLiteral p) {
        p.atom().arguments().forEach(t -> collect(t, names));
      } else if (l instanceof NegatedLiteral n) {
        n.atom().arguments().forEach(t -> collect(t, names));
      } else if (l instanceof Comparison c) {
        collect(c.left(), names);
        collect(c.right(), names);
      }
    }
    return names;
  }

  private static void collect(Term term, Set<String> names) {
    if (term instanceof Variable v) {
      names.add(v.name());
    } else if (term instanceof BinaryExpr b) {
      collect(b.left(), names);
      collect(b.right(), names);
    } else if (term instanceof Negation n) {
      collect(n.operand(), names);
    }
  }

  private static Type typeOf(Expr e, Map<String, Type> types) {
    if (e instanceof Variable v) {
      return types.getOrDefault(v.name(), Type.INT);
    }
    return e instanceof Constant c ? c.type() : Type.INT;
  }

  private String body(List<Literal> body) {
    List<String> parts = new ArrayList<>();
    for (Literal l : body) {
      if (l instanceof PositiveLiteral p) {
        parts.add(atom(p.atom()));
      } else if (l instanceof NegatedLiteral n) {
        parts.add("!" + atom(n.atom()));
      } else if (l instanceof Comparison c) {
        parts.add(expr(c.left()) + " " + c.operator().symbol() + " " + expr(c.right()));
      }
    }
    return String.join(", ", parts);
  }

  private String atom(Atom atom) {
    List<String> args = new ArrayList<>();
    for (Term t : atom.arguments()) {
      args.add(t instanceof Expr e ? expr(e) : t.toString());
    }
    return atom.relation().text() + "(" + String.join(", ", args) + ")";
  }

  private String expr(Expr e) {
    if (e instanceof Variable v) {
      return v.name();
    } else if (e instanceof Wildcard) {
      return "_";
    } else if (e instanceof Constant c) {
      return constantText(c);
    } else if (e instanceof Negation n) {
      return "-(" + expr(n.operand()) + ")";
    }
    BinaryExpr b = (BinaryExpr) e;
    return "(" + expr(b.left()) + " " + b.operator().symbol() + " " + expr(b.right()) + ")";
  }

  private void constant(Constant c) {
    out.append(constantText(c));
  }

  private static String constantText(Constant c) {
    return c instanceof IntConstant i ? Long.toString(i.value()) : quote(((StringConstant) c).value());
  }

  /** Soufflé's string literals take C-style escapes. */
  static String quote(String value) {
    StringBuilder b = new StringBuilder("\"");
    for (char ch : value.toCharArray()) {
      switch (ch) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> b.append(ch);
      }
    }
    return b.append('"').toString();
  }

  private <T> void appendJoined(List<T> items, java.util.function.Consumer<T> each) {
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      each.accept(items.get(i));
    }
  }

  private static String fileName(String path) {
    return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  }

  private static String souffleType(Type type) {
    return type == Type.INT ? "number" : "symbol";
  }

  private void refuse(Span span, String message) {
    refusals.add(new Refusal(span, message));
  }
}
