package calm.eval;

import calm.analysis.DependencyGraph;
import calm.analysis.Schema;
import calm.analysis.Stratification;
import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.syntax.Atom;
import calm.syntax.Constant;
import calm.syntax.Declaration;
import calm.syntax.Expr;
import calm.syntax.Fact;
import calm.syntax.HeadForm;
import calm.syntax.IntConstant;
import calm.syntax.Literal;
import calm.syntax.NegatedLiteral;
import calm.syntax.PositiveLiteral;
import calm.syntax.Program;
import calm.syntax.RelationKind;
import calm.syntax.Rule;
import calm.syntax.StringConstant;
import calm.syntax.Term;
import calm.syntax.Type;
import calm.syntax.Variable;
import calm.syntax.Wildcard;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A program compiled once and run many times: its relations, the plans of its rules per component,
 * the indexes those plans need, and the facts written in the file. Runs share its string pool.
 * The plans hold small scratch buffers, so one compiled program serves one run at a time; compile it
 * once per thread to run in parallel.
 */
public final class CompiledProgram {
  private final Program program;
  private final StringPool strings = new StringPool();
  private final List<Relation> relations = new ArrayList<>();
  private final Map<String, Relation> byName = new LinkedHashMap<>();
  private final List<List<int[]>> indexColumns = new ArrayList<>();
  private final List<ComponentPlan> components = new ArrayList<>();
  private final List<RulePlan> deferred = new ArrayList<>();
  private final Map<Integer, List<long[]>> facts = new LinkedHashMap<>();
  private final List<Relation> outputs = new ArrayList<>();
  private final List<SealWatch> seals = new ArrayList<>();
  private final List<ConstraintPlan> constraints = new ArrayList<>();

  private CompiledProgram(Program program) {
    this.program = program;
  }

  /**
   * Compiles a parsed program. Errors (which {@code calm check} normally reports first) are returned
   * as diagnostics instead of a program, so that the engine never runs what it cannot run correctly.
   */
  public static Compilation compile(Program program) {
    List<Diagnostic> errors = new ArrayList<>();
    CompiledProgram compiled = new CompiledProgram(program);
    compiled.build(errors::add);
    return errors.isEmpty()
        ? new Compilation(Optional.of(compiled), List.of())
        : new Compilation(Optional.empty(), errors);
  }

  /** The result of {@link #compile}: a program, or why there is none. */
  public record Compilation(Optional<CompiledProgram> program, List<Diagnostic> errors) {}

  public Program source() {
    return program;
  }

  public StringPool strings() {
    return strings;
  }

  public List<Relation> relations() {
    return Collections.unmodifiableList(relations);
  }

  public Relation relation(String name) {
    return byName.get(name);
  }

  public Optional<Relation> lookup(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Declared outputs, or with none declared every relation that no rule reads (as the analysis). */
  public List<Relation> outputs() {
    return Collections.unmodifiableList(outputs);
  }

  /** The facts written in the program, encoded, per relation id. */
  Map<Integer, List<long[]>> programFacts() {
    return facts;
  }

  /** Whether the program file holds facts for {@code relation}. */
  public boolean hasProgramFacts(Relation relation) {
    return facts.containsKey(relation.id());
  }

  List<int[]> indexColumns(int relation) {
    return indexColumns.get(relation);
  }

  List<ComponentPlan> components() {
    return components;
  }

  List<RulePlan> deferred() {
    return deferred;
  }

  List<SealWatch> seals() {
    return seals;
  }

  /** The constraints (§12), in source order, each checked at every node after every fixpoint. */
  List<ConstraintPlan> constraints() {
    return constraints;
  }

  /** The constraints the engine checks, in source order. */
  public List<calm.syntax.Constraint> constraintSources() {
    return constraints.stream().map(c -> c.constraint).toList();
  }

  int indexFor(int relation, int[] columns) {
    List<int[]> list = indexColumns.get(relation);
    for (int i = 0; i < list.size(); i++) {
      if (Arrays.equals(list.get(i), columns)) {
        return i;
      }
    }
    list.add(columns);
    return list.size() - 1;
  }

  private void build(Consumer<Diagnostic> report) {
    Schema schema = Schema.of(program);
    for (Declaration d : schema.declarations()) {
      Relation r = Relation.of(relations.size(), d);
      relations.add(r);
      byName.put(r.name(), r);
      indexColumns.add(new ArrayList<>());
    }
    List<Diagnostic> found = new ArrayList<>();
    Consumer<Diagnostic> collect = d -> {
      found.add(d);
      report.accept(d);
    };
    for (Declaration d : schema.declarations()) {
      var location = d.locationColumn();
      boolean isChannel = d.kind() == RelationKind.CHANNEL;
      long marked = d.columns().stream().filter(calm.syntax.Column::location).count();
      if (isChannel != location.isPresent() || marked > 1
          || (location.isPresent() && d.columns().get(location.getAsInt()).type() != Type.STRING)) {
        collect.accept(Diagnostic.of(Code.LOCATION_COLUMN, d.name().span(),
            isChannel
                ? "channel '" + d.name().text() + "' needs exactly one '@' column, of type string (a node name)"
                : "only a channel has an '@' column"));
      }
    }
    for (Fact f : program.facts()) {
      compileFact(f, collect);
    }
    List<Rule> rules = new ArrayList<>();
    for (Rule rule : program.rules()) {
      int errorsBefore = found.size();
      validate(rule, collect);
      if (found.size() == errorsBefore) {
        rules.add(rule);
      }
    }
    for (calm.syntax.Constraint constraint : program.constraints()) {
      validateBody(constraint.body(), collect);
    }
    if (!found.isEmpty()) {
      return;
    }
    Stratification strata = Stratification.of(DependencyGraph.of(schema, rules));
    if (strata.unstratifiableCycle().isPresent()) {
      var cycle = strata.unstratifiableCycle().get();
      List<String> names = new ArrayList<>();
      cycle.forEach(d -> names.add(d.from()));
      names.add(cycle.get(cycle.size() - 1).to());
      report.accept(
          Diagnostic.of(
              Code.UNSTRATIFIABLE_CYCLE,
              cycle.get(0).rule().span(),
              "same-tick cycle through negation or aggregation: " + String.join(" -> ", names)));
      return;
    }
    Planner planner = new Planner(this, collect);
    // each component plans only the rules that write it: one pass over the rules, not one per component
    List<Set<String>> componentList = strata.components();
    Map<String, Integer> componentOf = new HashMap<>();
    for (int c = 0; c < componentList.size(); c++) {
      for (String name : componentList.get(c)) {
        componentOf.put(name, c);
      }
    }
    List<List<Rule>> rulesOf = new ArrayList<>(Collections.nCopies(componentList.size(), null));
    for (Rule rule : rules) {
      Integer c = componentOf.get(rule.head().atom().relation().text());
      if (rule.head().form() == HeadForm.SAME_TICK && c != null) {
        if (rulesOf.get(c) == null) {
          rulesOf.set(c, new ArrayList<>());
        }
        rulesOf.get(c).add(rule);
      }
    }
    for (int c = 0; c < componentList.size(); c++) {
      Set<String> component = componentList.get(c);
      List<RulePlan> once = new ArrayList<>();
      List<RulePlan> full = new ArrayList<>();
      List<RulePlan> deltas = new ArrayList<>();
      for (Rule rule : rulesOf.get(c) == null ? List.<Rule>of() : rulesOf.get(c)) {
        List<Integer> recursiveAtoms = new ArrayList<>();
        for (int i = 0; i < rule.body().size(); i++) {
          if (rule.body().get(i) instanceof PositiveLiteral p
              && component.contains(p.atom().relation().text())) {
            recursiveAtoms.add(i);
          }
        }
        RulePlan plan = planner.plan(rule, recursiveAtoms.isEmpty() ? -1 : recursiveAtoms.get(0), false);
        if (plan == null) {
          continue;
        }
        if (recursiveAtoms.isEmpty()) {
          once.add(plan);
        } else {
          full.add(plan);
          for (int atom : recursiveAtoms) {
            deltas.add(planner.plan(rule, atom));
          }
        }
      }
      int[] ids = component.stream().mapToInt(n -> byName.get(n).id()).sorted().toArray();
      if (!once.isEmpty() || !full.isEmpty()) {
        components.add(new ComponentPlan(ids, once, full, deltas));
      }
    }
    for (Rule rule : rules) {
      if (rule.head().form() != HeadForm.SAME_TICK) {
        RulePlan plan = planner.plan(rule, -1);
        if (plan != null) {
          deferred.add(plan);
        }
      }
    }
    chooseOutputs(rules);
    for (calm.syntax.Constraint constraint : program.constraints()) {
      ConstraintPlan plan = planner.plan(constraint);
      if (plan != null) {
        constraints.add(plan);
      }
    }
    for (calm.syntax.Seal seal : program.seals()) {
      SealWatch watch = SealWatch.of(seal, this);
      if (watch != null) {
        seals.add(watch);
      }
    }
  }

  private void chooseOutputs(List<Rule> rules) {
    boolean declared = relations.stream().anyMatch(Relation::output);
    Set<String> read = new HashSet<>();
    for (Rule rule : rules) {
      for (Literal l : rule.body()) {
        if (l instanceof PositiveLiteral p) {
          read.add(p.atom().relation().text());
        } else if (l instanceof NegatedLiteral n) {
          read.add(n.atom().relation().text());
        }
      }
    }
    for (Relation r : relations) {
      if (declared ? r.output() : !read.contains(r.name())) {
        outputs.add(r);
      }
    }
  }

  private void compileFact(Fact f, Consumer<Diagnostic> report) {
    Relation r = byName.get(f.relation().text());
    if (r == null) {
      report.accept(Diagnostic.of(Code.UNKNOWN_RELATION, f.relation().span(),
          "unknown relation '" + f.relation().text() + "'"));
      return;
    }
    if (r.kind() != RelationKind.TABLE && r.kind() != RelationKind.INPUT) {
      report.accept(Diagnostic.of(Code.FACT_FOR_EVENT_RELATION, f.span(),
          "a fact for " + r.kind().keyword() + " relation '" + r.name() + "'; facts go into tables and inputs"));
      return;
    }
    if (f.values().size() != r.arity()) {
      report.accept(Diagnostic.of(Code.ARITY_MISMATCH, f.span(),
          "'" + r.name() + "' has " + r.arity() + " columns, the fact has " + f.values().size()));
      return;
    }
    long[] tuple = new long[r.arity()];
    for (int i = 0; i < tuple.length; i++) {
      Constant c = f.values().get(i);
      if (c.type() != r.types().get(i)) {
        report.accept(Diagnostic.of(Code.TYPE_MISMATCH, c.span(),
            "column " + r.columnNames().get(i) + " of '" + r.name() + "' holds " + r.types().get(i).keyword()
                + ", not " + c.type().keyword()));
        return;
      }
      tuple[i] = c instanceof IntConstant n ? n.value() : strings.intern(((StringConstant) c).value());
    }
    facts.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(tuple);
  }

  /** What the engine itself relies on, checked again in case the checks let something through. */
  private void validate(Rule rule, Consumer<Diagnostic> report) {
    Atom head = rule.head().atom();
    Relation h = checkAtom(head, report);
    if (h != null) {
      HeadForm form = rule.head().form();
      String problem = null;
      Code code = null;
      if (h.kind() == RelationKind.INPUT) {
        code = Code.INPUT_IN_HEAD;
        problem = "input relation '" + h.name() + "' is filled only from outside";
      } else if (form == HeadForm.ASYNC && h.kind() != RelationKind.CHANNEL) {
        code = Code.ASYNC_HEAD_NOT_CHANNEL;
        problem = "@async head '" + h.name() + "' is not a channel";
      } else if (form != HeadForm.ASYNC && h.kind() == RelationKind.CHANNEL) {
        code = Code.CHANNEL_HEAD_WITHOUT_ASYNC;
        problem = "channel head '" + h.name() + "' must be written with @async";
      } else if (form == HeadForm.DELETE && h.kind() != RelationKind.TABLE) {
        code = Code.DELETE_NON_TABLE;
        problem = "delete of '" + h.name() + "', which is not a table";
      } else if (h.extern()) {
        code = Code.EXTERN_WRITTEN;
        problem = "extern table '" + h.name() + "' is written by a rule";
      } else if (h.isLattice() && (form == HeadForm.DELETE || form == HeadForm.UPDATE)) {
        code = Code.LATTICE_SHRINK;
        problem = "lattice table '" + h.name() + "' only grows";
      } else if (form == HeadForm.UPDATE && (!h.keyed() || h.isLattice())) {
        code = Code.UPDATE_UNKEYED;
        problem = "@update of '" + h.name() + "', which is not a plain keyed table";
      }
      if (problem != null) {
        report.accept(Diagnostic.of(code, head.span(), problem));
      }
      int aggregates = 0;
      for (Term t : head.arguments()) {
        if (t instanceof calm.syntax.Aggregate a) {
          aggregates++;
          if (!(a.argument() instanceof Variable)) {
            report.accept(Diagnostic.of(Code.AGGREGATE_MISUSE, a.span(), "an aggregate takes a body variable"));
          }
        } else if (t instanceof Wildcard) {
          report.accept(Diagnostic.of(Code.UNSAFE_VARIABLE, t.span(), "'_' in a head has no value"));
        } else if (containsWildcard((Expr) t)) {
          report.accept(Diagnostic.of(Code.UNSAFE_VARIABLE, t.span(), "'_' in a head has no value"));
        }
      }
      if (aggregates > 1) {
        report.accept(Diagnostic.of(Code.AGGREGATE_MISUSE, head.span(), "at most one aggregate per head"));
      }
      if (aggregates > 0 && (form == HeadForm.ASYNC || form == HeadForm.DELETE)) {
        report.accept(Diagnostic.of(Code.AGGREGATE_MISUSE, head.span(),
            "a rule may not both aggregate and be @async or delete"));
      }
    }
    validateBody(rule.body(), report);
  }

  private void validateBody(List<Literal> body, Consumer<Diagnostic> report) {
    for (Literal l : body) {
      Atom atom = l instanceof PositiveLiteral p ? p.atom() : l instanceof NegatedLiteral n ? n.atom() : null;
      if (atom == null) {
        var c = (calm.syntax.Comparison) l;
        if (containsWildcard(c.left()) || containsWildcard(c.right())) {
          report.accept(Diagnostic.of(Code.UNSAFE_VARIABLE, c.span(), "'_' has no value in a comparison"));
        }
        continue;
      }
      if (checkAtom(atom, report) != null) {
        for (Term t : atom.arguments()) {
          if (!(t instanceof Variable || t instanceof Wildcard || t instanceof Constant)) {
            report.accept(Diagnostic.of(Code.EXPRESSION_IN_ATOM, t.span(),
                "a body atom takes variables, constants and '_'; write the expression as a comparison"));
          }
        }
      }
    }
  }

  private static boolean containsWildcard(Expr e) {
    if (e instanceof Wildcard) {
      return true;
    }
    if (e instanceof calm.syntax.Negation n) {
      return containsWildcard(n.operand());
    }
    if (e instanceof calm.syntax.BinaryExpr b) {
      return containsWildcard(b.left()) || containsWildcard(b.right());
    }
    return false;
  }

  private Relation checkAtom(Atom atom, Consumer<Diagnostic> report) {
    Relation r = byName.get(atom.relation().text());
    if (r == null) {
      report.accept(Diagnostic.of(Code.UNKNOWN_RELATION, atom.relation().span(),
          "unknown relation '" + atom.relation().text() + "'"));
      return null;
    }
    if (r.arity() != atom.arity()) {
      report.accept(Diagnostic.of(Code.ARITY_MISMATCH, atom.span(),
          "'" + r.name() + "' has " + r.arity() + " columns, here it has " + atom.arity()));
      return null;
    }
    for (int i = 0; i < atom.arity(); i++) {
      if (atom.arguments().get(i) instanceof Constant c && c.type() != r.types().get(i)) {
        report.accept(Diagnostic.of(Code.TYPE_MISMATCH, c.span(),
            "column " + r.columnNames().get(i) + " of '" + r.name() + "' holds " + r.types().get(i).keyword()));
      }
    }
    return r;
  }

  /** A value as the engine stores it in a column of type {@code type}. */
  long encode(Object value, Type type) {
    return type == Type.STRING ? strings.intern((String) value) : ((Number) value).longValue();
  }
}
