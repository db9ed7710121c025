package calm.eval;

import calm.syntax.Aggregate;
import calm.syntax.Atom;
import calm.syntax.BinaryExpr;
import calm.syntax.Comparison;
import calm.syntax.ComparisonOperator;
import calm.syntax.Constant;
import calm.syntax.Expr;
import calm.syntax.HeadForm;
import calm.syntax.IntConstant;
import calm.syntax.Literal;
import calm.syntax.NegatedLiteral;
import calm.syntax.Negation;
import calm.syntax.PositiveLiteral;
import calm.syntax.Rule;
import calm.syntax.StringConstant;
import calm.syntax.Term;
import calm.syntax.Type;
import calm.syntax.Variable;
import calm.syntax.Variables;
import calm.syntax.Wildcard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a rule into a chain of steps. Body order does not matter (§4 Rules): the planner starts from the
 * delta atom (if any), then repeatedly applies every comparison, '=' binding and negation whose
 * variables are bound, and joins next the positive atom with the most bound columns, looking it up
 * through an index on exactly those columns.
 */
final class Planner {
  private final CompiledProgram program;

  /** The plans' emits into plain two-column relations, for {@link #dropKnownFacts}. */
  private final List<EmitStep> twoColumnEmits = new ArrayList<>();

  Planner(CompiledProgram program) {
    this.program = program;
  }

  /**
   * The relations that the rules being planned write while they run (their component's): an
   * {@link IntersectStep} reads only others, whose sorted runs are made once and stay valid while the
   * component runs, where those of a growing relation would be sorted again round after round.
   */
  private Set<String> changing = Set.of();

  void planning(Set<String> component) {
    this.changing = component;
  }

  /**
   * Once every rule is planned: an emit into a relation that some plan looks up by its first column
   * drops the facts already held by asking that lookup's index (with per-key sets). A relation nobody
   * looks up that way keeps the plain path: an index only for this would cost more than it saves.
   */
  void dropKnownFacts() {
    for (EmitStep emit : twoColumnEmits) {
      ClusteredIndex.Family family = program.existingClusteredIndex(emit.relation(), new int[] {0});
      if (family != null) {
        family.withSets();
        emit.dropKnownBy(family);
      }
    }
    for (MembershipStep test : pairTests) { // tests of whole pairs, the same way
      ClusteredIndex.Family family = program.existingClusteredIndex(test.relation(), new int[] {0});
      if (family != null) {
        family.withSets();
        test.testBy(family);
      }
    }
  }

  private final List<MembershipStep> pairTests = new ArrayList<>();

  private MembershipStep pairTest(MembershipStep step, Relation relation) {
    if (step.testsPairs() && relation.arity() == 2 && !relation.keyed()) {
      pairTests.add(step);
    }
    return step;
  }

  /** A plan for {@code rule}, reading body literal {@code deltaLiteral} from its delta (or -1). */
  RulePlan plan(Rule rule, int deltaLiteral) {
    return plan(rule, deltaLiteral, true);
  }

  /**
   * A plan that starts by scanning body literal {@code start} (or -1 to let the planner choose): all
   * of it, or its delta. Starting a recursive rule's first full evaluation from its recursive atom,
   * as the delta variants do, spares an index on the growing relation that only that one evaluation
   * would use.
   */
  /**
   * The steps that find a body's solutions: {@code start} as above, then comparisons, bindings and
   * negations as soon as their variables are bound, and joins, most bound columns first. Adds the
   * variables it binds to {@code bound} and those of literals it could not place to {@code unbound}.
   */
  private List<Step> bodySteps(
      List<Literal> body,
      int start,
      boolean startFromDelta,
      int laterDelta,
      Map<String, Integer> registers,
      Set<String> bound,
      Set<String> unbound) {
    Map<String, Type> types = new HashMap<>();
    for (Literal l : body) {
      if (l instanceof PositiveLiteral p) {
        Relation r = program.relation(p.atom().relation().text());
        List<Term> args = p.atom().arguments();
        for (int i = 0; i < args.size(); i++) {
          if (args.get(i) instanceof Variable v) {
            types.putIfAbsent(v.name(), r.types().get(i));
          }
        }
      }
    }
    List<Step> steps = new ArrayList<>();
    boolean[] placed = new boolean[body.size()];
    if (start >= 0) {
      steps.add(atomStep(((PositiveLiteral) body.get(start)).atom(), true, startFromDelta, bound, registers));
      placed[start] = true;
    }
    while (true) {
      boolean progress = true;
      while (progress) {
        progress = false;
        for (int i = 0; i < placed.length; i++) {
          if (placed[i]) {
            continue;
          }
          Literal l = body.get(i);
          Step step = null;
          if (l instanceof Comparison c) {
            step = comparisonStep(c, bound, registers, types);
          } else if (l instanceof NegatedLiteral n && bound.containsAll(Variables.names(n.atom()))) {
            step = membershipStep(n.atom(), false, registers);
          }
          if (step != null) {
            steps.add(step);
            placed[i] = true;
            progress = true;
          }
        }
      }
      int best = -1;
      int bestScore = -1;
      for (int i = 0; i < placed.length; i++) {
        if (!placed[i] && body.get(i) instanceof PositiveLiteral p) {
          int score = boundColumns(p.atom(), bound);
          if (score > bestScore) {
            best = i;
            bestScore = score;
          }
        }
      }
      if (best < 0) {
        break;
      }
      Step intersect = intersectStep(body, best, placed, laterDelta, bound, registers);
      if (intersect != null) {
        steps.add(intersect);
        continue;
      }
      steps.add(atomStep(((PositiveLiteral) body.get(best)).atom(), false, best == laterDelta, bound, registers));
      placed[best] = true;
    }
    for (int i = 0; i < placed.length; i++) {
      if (!placed[i]) {
        unbound.addAll(Variables.names(body.get(i)));
      }
    }
    return steps;
  }

  /**
   * A plan that looks for a solution of a constraint's body (§12 Integrity constraints). The engine runs
   * it on a node after the tick's fixpoint.
   */
  ConstraintPlan plan(calm.syntax.Constraint constraint) {
    Map<String, Integer> registers = new HashMap<>();
    Set<String> bound = new HashSet<>();
    Set<String> unbound = new TreeSet<>();
    List<Step> steps = bodySteps(constraint.body(), -1, false, -1, registers, bound, unbound);
    unbound.removeAll(bound);
    requireBound(unbound, constraint.span());
    ViolationStep last = new ViolationStep(Math.max(registers.size(), 1));
    steps.add(last);
    for (int i = 0; i + 1 < steps.size(); i++) {
      steps.get(i).next = steps.get(i + 1);
    }
    return new ConstraintPlan(constraint, steps.get(0), last, registers, program);
  }

  RulePlan plan(Rule rule, int start, boolean startFromDelta) {
    return plan(rule, start, startFromDelta, -1);
  }

  /**
   * A semi-naive variant of {@code rule} that reads body literal {@code deltaLiteral} from its delta,
   * starting from body literal {@code start}, a relation of a lower stratum: the delta is then looked
   * up through an index of its own ({@link DeltaLookupStep}) once its columns are bound. Null when the
   * delta would only be tested for whole tuples or scanned, where starting from it is as good.
   */
  RulePlan planFrom(Rule rule, int start, int deltaLiteral) {
    RulePlan plan = plan(rule, start, false, deltaLiteral);
    for (Step s = plan.first; s != null; s = s.next) {
      if (s instanceof DeltaLookupStep) {
        return plan;
      }
    }
    return null;
  }

  private RulePlan plan(Rule rule, int start, boolean startFromDelta, int laterDelta) {
    int deltaLiteral = startFromDelta ? start : laterDelta;
    Map<String, Integer> registers = new HashMap<>();
    Set<String> bound = new HashSet<>();
    Set<String> unbound = new TreeSet<>();
    List<Step> steps = bodySteps(rule.body(), start, startFromDelta, laterDelta, registers, bound, unbound);
    Atom head = rule.head().atom();
    Relation headRelation = program.relation(head.relation().text());
    Aggregate aggregate = null;
    int position = -1;
    for (int i = 0; i < head.arity(); i++) {
      Term t = head.arguments().get(i);
      if (t instanceof Aggregate a) {
        aggregate = a;
        position = i;
        unbound.addAll(Variables.names(a.argument()));
      } else {
        unbound.addAll(Variables.names((Expr) t));
      }
    }
    unbound.removeAll(bound);
    requireBound(unbound, rule.span());
    Expression[] headExprs = new Expression[head.arity()];
    for (int i = 0; i < head.arity(); i++) {
      if (i != position) {
        headExprs[i] = expression((Expr) head.arguments().get(i), registers);
      }
    }
    Aggregator aggregator = null;
    Step last;
    if (aggregate != null) {
      int[] named = null;
      if (hasWildcardInPositiveAtom(rule)) {
        Set<String> names = new LinkedHashSet<>();
        for (Literal l : rule.body()) {
          names.addAll(Variables.names(l));
        }
        named = names.stream().mapToInt(registers::get).toArray();
      }
      aggregator =
          new Aggregator(
              rule.head().form(), headRelation.id(), headExprs, position, aggregate.function(),
              expression(aggregate.argument(), registers), named);
      last = aggregator;
    } else {
      EmitStep emit = new EmitStep(rule.head().form(), headRelation.id(), headExprs);
      if (rule.head().form() == HeadForm.SAME_TICK && headRelation.arity() == 2 && !headRelation.keyed()) {
        twoColumnEmits.add(emit);
      }
      last = emit;
    }
    steps.add(last);
    for (int i = 0; i + 1 < steps.size(); i++) {
      steps.get(i).next = steps.get(i + 1);
    }
    int deltaRelation =
        deltaLiteral < 0
            ? -1
            : program.relation(((PositiveLiteral) rule.body().get(deltaLiteral)).atom().relation().text()).id();
    return new RulePlan(rule, steps.get(0), aggregator, registers.size(), deltaRelation);
  }

  /**
   * The safety check (E301) passed every rule and constraint of a checked program, so a literal the
   * planner cannot place is a fault of the engine, not of the program.
   */
  private static void requireBound(Set<String> unbound, calm.source.Span at) {
    if (!unbound.isEmpty()) {
      throw new IllegalStateException("the planner found no binding for " + unbound + " at line " + at.line()
          + ", which the safety check passed");
    }
  }

  private static boolean hasWildcardInPositiveAtom(Rule rule) {
    for (Literal l : rule.body()) {
      if (l instanceof PositiveLiteral p
          && p.atom().arguments().stream().anyMatch(Wildcard.class::isInstance)) {
        return true;
      }
    }
    return false;
  }

  private Step comparisonStep(
      Comparison c, Set<String> bound, Map<String, Integer> registers, Map<String, Type> types) {
    List<String> left = Variables.names(c.left());
    List<String> right = Variables.names(c.right());
    boolean leftBound = bound.containsAll(left);
    boolean rightBound = bound.containsAll(right);
    if (leftBound && rightBound) {
      boolean strings = typeOf(c.left(), types) == Type.STRING || typeOf(c.right(), types) == Type.STRING;
      return new FilterStep(
          expression(c.left(), registers), c.operator(), expression(c.right(), registers),
          strings ? program.strings() : null);
    }
    if (c.operator() != ComparisonOperator.EQ) {
      return null;
    }
    if (c.left() instanceof Variable v && rightBound && !bound.contains(v.name())) {
      return bindStep(v, c.right(), bound, registers, types);
    }
    if (c.right() instanceof Variable v && leftBound && !bound.contains(v.name())) {
      return bindStep(v, c.left(), bound, registers, types);
    }
    return null;
  }

  private Step bindStep(
      Variable v, Expr value, Set<String> bound, Map<String, Integer> registers, Map<String, Type> types) {
    Expression e = expression(value, registers);
    types.putIfAbsent(v.name(), typeOf(value, types));
    bound.add(v.name());
    return new AssignStep(register(v.name(), registers), e);
  }

  private Type typeOf(Expr e, Map<String, Type> types) {
    if (e instanceof Constant c) {
      return c.type();
    }
    if (e instanceof Variable v) {
      return types.getOrDefault(v.name(), Type.INT);
    }
    return Type.INT;
  }

  private static int boundColumns(Atom atom, Set<String> bound) {
    int n = 0;
    for (Term t : atom.arguments()) {
      if (t instanceof Constant || (t instanceof Variable v && bound.contains(v.name()))) {
        n++;
      }
    }
    return n;
  }

  private Step atomStep(
      Atom atom, boolean scan, boolean delta, Set<String> bound, Map<String, Integer> registers) {
    Relation relation = program.relation(atom.relation().text());
    int arity = atom.arity();
    List<Integer> keyColumns = new ArrayList<>();
    List<Expression> key = new ArrayList<>();
    int[] kinds = new int[arity];
    long[] args = new long[arity];
    Set<String> bindingHere = new HashSet<>();
    for (int c = 0; c < arity; c++) {
      Term t = atom.arguments().get(c);
      if (t instanceof Constant k) {
        long value = constant(k);
        if (!scan) {
          keyColumns.add(c);
          key.add(Expression.constant(value));
          kinds[c] = Step.SKIP;
        } else {
          kinds[c] = Step.CHECK_CONSTANT;
          args[c] = value;
        }
      } else if (t instanceof Variable v) {
        int reg = register(v.name(), registers);
        if (bound.contains(v.name()) && !scan) {
          keyColumns.add(c);
          key.add(Expression.register(reg));
          kinds[c] = Step.SKIP;
        } else if (bound.contains(v.name()) || bindingHere.contains(v.name())) {
          kinds[c] = Step.CHECK_REGISTER;
          args[c] = reg;
        } else {
          kinds[c] = Step.BIND;
          args[c] = reg;
          bindingHere.add(v.name());
        }
      } else {
        kinds[c] = Step.SKIP;
      }
    }
    bound.addAll(bindingHere);
    if (scan || keyColumns.isEmpty()) {
      return new ScanStep(relation.id(), delta, kinds, args);
    }
    Expression[] keyArray = key.toArray(new Expression[0]);
    if (delta) {
      if (keyColumns.size() == arity || relation.keyed()) {
        for (int c : keyColumns) { // a scan of the delta that checks what is bound
          Term t = atom.arguments().get(c);
          if (t instanceof Constant k) {
            kinds[c] = Step.CHECK_CONSTANT;
            args[c] = constant(k);
          } else {
            kinds[c] = Step.CHECK_REGISTER;
            args[c] = register(((Variable) t).name(), registers);
          }
        }
        return new ScanStep(relation.id(), true, kinds, args);
      }
      int[] columns = keyColumns.stream().mapToInt(Integer::intValue).toArray();
      int[] rest = ClusteredIndex.restColumns(arity, columns);
      return new DeltaLookupStep(
          relation.id(), program.deltaIndex(relation.id(), columns), keyArray,
          pick(kinds, rest), pick(args, rest));
    }
    if (keyColumns.size() == arity) {
      return pairTest(new MembershipStep(relation.id(), -1, keyArray, true), relation);
    }
    int[] columns = keyColumns.stream().mapToInt(Integer::intValue).toArray();
    if (!relation.keyed()) {
      ClusteredIndex.Family family = program.clusteredIndex(relation.id(), columns);
      int[] rest = ClusteredIndex.restColumns(arity, columns);
      return new ClusteredLookupStep(relation.id(), family, keyArray, pick(kinds, rest), pick(args, rest));
    }
    int index = program.indexFor(relation.id(), columns);
    return new LookupStep(relation.id(), index, keyArray, kinds, args);
  }

  /**
   * When body literal {@code best} leaves one variable open and other atoms not yet placed leave only
   * that same variable open, one step that binds it to the values all of them agree on (see {@link
   * IntersectStep}), instead of a lookup of one and membership tests of the others; null otherwise.
   * Marks the atoms placed and the variable bound.
   */
  private Step intersectStep(
      List<Literal> body, int best, boolean[] placed, int laterDelta, Set<String> bound,
      Map<String, Integer> registers) {
    if (best == laterDelta) {
      return null;
    }
    String open = openVariable(((PositiveLiteral) body.get(best)).atom(), bound);
    if (open == null) {
      return null;
    }
    List<Integer> atoms = new ArrayList<>(List.of(best));
    for (int i = 0; i < placed.length; i++) {
      if (!placed[i] && i != best && i != laterDelta && body.get(i) instanceof PositiveLiteral p
          && open.equals(openVariable(p.atom(), bound))) {
        atoms.add(i);
      }
    }
    if (atoms.size() < 2) {
      return null;
    }
    int k = atoms.size();
    int[] relations = new int[k];
    ClusteredIndex.Family[] families = new ClusteredIndex.Family[k];
    Expression[][] keys = new Expression[k][];
    for (int a = 0; a < k; a++) {
      Atom atom = ((PositiveLiteral) body.get(atoms.get(a))).atom();
      Relation relation = program.relation(atom.relation().text());
      List<Integer> columns = new ArrayList<>();
      List<Expression> key = new ArrayList<>();
      for (int c = 0; c < atom.arity(); c++) {
        Term t = atom.arguments().get(c);
        if (t instanceof Constant constant) {
          columns.add(c);
          key.add(Expression.constant(constant(constant)));
        } else if (t instanceof Variable v && !v.name().equals(open)) {
          columns.add(c);
          key.add(Expression.register(register(v.name(), registers)));
        }
      }
      relations[a] = relation.id();
      families[a] = program.sortedIndex(relation.id(), columns.stream().mapToInt(Integer::intValue).toArray());
      keys[a] = key.toArray(new Expression[0]);
      placed[atoms.get(a)] = true;
    }
    bound.add(open);
    return new IntersectStep(relations, families, keys, register(open, registers));
  }

  /**
   * The one variable an atom leaves open when every other column is a constant or bound, if its
   * relation is plain, has two columns or more and is not {@link #changing}; else null.
   */
  private String openVariable(Atom atom, Set<String> bound) {
    Relation relation = program.relation(atom.relation().text());
    if (relation.keyed() || atom.arity() < 2 || changing.contains(relation.name())) {
      return null;
    }
    String open = null;
    for (Term t : atom.arguments()) {
      if (t instanceof Constant || (t instanceof Variable v && bound.contains(v.name()))) {
        continue;
      }
      if (open != null || !(t instanceof Variable v)) {
        return null; // a second open column, or a wildcard
      }
      open = v.name();
    }
    return open;
  }

  private static int[] pick(int[] values, int[] at) {
    int[] picked = new int[at.length];
    for (int i = 0; i < at.length; i++) {
      picked[i] = values[at[i]];
    }
    return picked;
  }

  private static long[] pick(long[] values, int[] at) {
    long[] picked = new long[at.length];
    for (int i = 0; i < at.length; i++) {
      picked[i] = values[at[i]];
    }
    return picked;
  }

  private Step membershipStep(Atom atom, boolean wantPresent, Map<String, Integer> registers) {
    Relation relation = program.relation(atom.relation().text());
    List<Integer> keyColumns = new ArrayList<>();
    List<Expression> key = new ArrayList<>();
    for (int c = 0; c < atom.arity(); c++) {
      Term t = atom.arguments().get(c);
      if (t instanceof Constant k) {
        keyColumns.add(c);
        key.add(Expression.constant(constant(k)));
      } else if (t instanceof Variable v) {
        keyColumns.add(c);
        key.add(Expression.register(register(v.name(), registers)));
      }
    }
    int index =
        keyColumns.size() == atom.arity()
            ? -1
            : program.indexFor(relation.id(), keyColumns.stream().mapToInt(Integer::intValue).toArray());
    return pairTest(new MembershipStep(relation.id(), index, key.toArray(new Expression[0]), wantPresent), relation);
  }

  private long constant(Constant k) {
    if (k instanceof IntConstant i) {
      return i.value();
    }
    return program.strings().intern(((StringConstant) k).value());
  }

  private Expression expression(Expr e, Map<String, Integer> registers) {
    if (e instanceof Constant k) {
      return Expression.constant(constant(k));
    }
    if (e instanceof Variable v) {
      return Expression.register(register(v.name(), registers));
    }
    if (e instanceof Negation n) {
      return Expression.negate(expression(n.operand(), registers));
    }
    if (e instanceof BinaryExpr b) {
      Expression l = expression(b.left(), registers);
      Expression r = expression(b.right(), registers);
      return switch (b.operator()) {
        case ADD -> Expression.add(l, r);
        case SUBTRACT -> Expression.subtract(l, r);
        case MULTIPLY -> Expression.multiply(l, r);
        case DIVIDE -> Expression.divide(l, r);
        case REMAINDER -> Expression.remainder(l, r);
      };
    }
    throw new IllegalArgumentException("a wildcard has no value: " + e);
  }

  private static int register(String name, Map<String, Integer> registers) {
    return registers.computeIfAbsent(name, n -> registers.size());
  }
}
