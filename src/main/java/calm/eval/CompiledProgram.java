package calm.eval;

import calm.analysis.CheckedProgram;
import calm.analysis.graph.Stratification;
import calm.syntax.Constant;
import calm.syntax.Declaration;
import calm.syntax.Fact;
import calm.syntax.HeadForm;
import calm.syntax.IntConstant;
import calm.syntax.PositiveLiteral;
import calm.syntax.Program;
import calm.syntax.Rule;
import calm.syntax.StringConstant;
import calm.syntax.Type;
import com.google.common.collect.Maps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A program compiled once and run many times: its relations, the plans of its rules per component,
 * the indexes those plans need, and the facts written in the file. Runs share its string pool.
 * The plans hold small scratch buffers, so one compiled program serves one run at a time; compile it
 * once per thread to run in parallel.
 */
public final class CompiledProgram {
  private final CheckedProgram checked;
  private final Program program;
  private final StringPool strings = new StringPool();
  private final List<Relation> relations = new ArrayList<>();
  private final List<Relation> relationsView = Collections.unmodifiableList(relations);
  private final Map<String, Relation> byName;
  private final List<List<int[]>> indexColumns = new ArrayList<>();
  private final List<ComponentPlan> components = new ArrayList<>();
  private final Map<String, ClusteredIndex.Family> clustered = new HashMap<>();
  private final List<RulePlan> deferred = new ArrayList<>();
  private final Map<Integer, List<long[]>> facts = new LinkedHashMap<>();
  private final List<Relation> outputs = new ArrayList<>();
  private final List<SealWatch> seals = new ArrayList<>();
  private final List<ConstraintPlan> constraints = new ArrayList<>();
  /** Made on first use, once the relations are all known; immutable, so threads may share it. */
  private volatile RelationGroups groups;

  private CompiledProgram(CheckedProgram checked) {
    this.checked = checked;
    this.program = checked.program();
    // sized once: a program of 100,000 rules has some 110,000 relations, rehashed 17 times otherwise
    this.byName = Maps.newLinkedHashMapWithExpectedSize(checked.schema().declarations().size());
  }

  /**
   * Compiles a program the checks passed. The engine checks nothing again: a {@link CheckedProgram}
   * exists only for a file without errors, and its strata and outputs are the analysis's.
   */
  public static CompiledProgram compile(CheckedProgram checked) {
    CompiledProgram compiled = new CompiledProgram(checked);
    compiled.build();
    return compiled;
  }

  /** What the analysis worked out about the program. */
  public CheckedProgram checked() {
    return checked;
  }

  public Program source() {
    return program;
  }

  public StringPool strings() {
    return strings;
  }

  public List<Relation> relations() {
    return relationsView; // the engine asks for them per node and tick: one view, not one each time
  }

  /** The relations by id and by kind, as every run walks them. */
  RelationGroups groups() {
    RelationGroups g = groups;
    if (g == null) {
      g = new RelationGroups(relations);
      groups = g;
    }
    return g;
  }

  public Relation relation(String name) {
    return byName.get(name);
  }

  public Optional<Relation> lookup(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The program's outputs, as the analysis chose them ({@link CheckedProgram#outputs()}). */
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

  /**
   * Makes every semi-naive variant that can start from a lower relation do so in every round, whatever
   * the sizes: tests compare that with the oracle, where the data are too small for it to happen alone.
   */
  void startDeltasFromLowerRelations() {
    for (ComponentPlan c : components) {
      c.deltas().forEach(RulePlan::alwaysTakeAlternative);
    }
  }

  List<RulePlan> deferred() {
    return deferred;
  }

  List<SealWatch> seals() {
    return seals;
  }

  /**
   * The constraints (§12 Integrity constraints), in source order, each checked at every node after every
   * fixpoint.
   */
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

  /** The clustered index of a plain relation on {@code columns}, shared by every plan that needs it. */
  ClusteredIndex.Family clusteredIndex(int relation, int[] columns) {
    return clustered.computeIfAbsent(
        relation + ":" + Arrays.toString(columns),
        k -> new ClusteredIndex.Family(relations.get(relation).arity(), columns));
  }

  /** The index of a plain relation on {@code columns} in sorted runs ({@link IntersectStep}), shared likewise. */
  ClusteredIndex.Family sortedIndex(int relation, int[] columns) {
    return clustered.computeIfAbsent(
        "sorted " + relation + ":" + Arrays.toString(columns),
        k -> new ClusteredIndex.Family(relations.get(relation).arity(), columns, true));
  }

  /**
   * The indexes of {@code relation}'s deltas on {@code columns}, shared by the plans that read a delta
   * that way ({@link DeltaLookupStep}); apart from the whole relation's, which a delta does not need.
   */
  ClusteredIndex.Family deltaIndex(int relation, int[] columns) {
    return clustered.computeIfAbsent(
        "delta " + relation + ":" + Arrays.toString(columns),
        k -> new ClusteredIndex.Family(relations.get(relation).arity(), columns));
  }

  /** The clustered index of {@code relation} on {@code columns} if a plan looks it up that way, or null. */
  ClusteredIndex.Family existingClusteredIndex(int relation, int[] columns) {
    return clustered.get(relation + ":" + Arrays.toString(columns));
  }

  private void build() {
    for (Declaration d : checked.schema().declarations()) {
      Relation r = Relation.of(relations.size(), d);
      relations.add(r);
      byName.put(r.name(), r);
      indexColumns.add(new ArrayList<>());
    }
    for (Fact f : program.facts()) {
      compileFact(f);
    }
    List<Rule> rules = program.rules();
    Planner planner = new Planner(this);
    // each component plans only the rules that write it: one pass over the rules, not one per component
    Stratification strata = checked.stratification();
    List<Set<String>> componentList = strata.components();
    List<List<Rule>> rulesOf = new ArrayList<>(Collections.nCopies(componentList.size(), null));
    for (Rule rule : rules) {
      int c = strata.componentOf(rule.head().atom().relation().text());
      if (rule.head().form() == HeadForm.SAME_TICK && c >= 0) {
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
      List<Rule> recursiveRules = new ArrayList<>();
      planner.planning(component);
      for (Rule rule : rulesOf.get(c) == null ? List.<Rule>of() : rulesOf.get(c)) {
        List<Integer> recursiveAtoms = new ArrayList<>();
        for (int i = 0; i < rule.body().size(); i++) {
          if (rule.body().get(i) instanceof PositiveLiteral p
              && component.contains(p.atom().relation().text())) {
            recursiveAtoms.add(i);
          }
        }
        RulePlan plan = planner.plan(rule, recursiveAtoms.isEmpty() ? -1 : recursiveAtoms.get(0), false);
        if (recursiveAtoms.isEmpty()) {
          if (DistinctHeads.of(rule, this)) {
            plan.derivesDistinctHeads(relation(rule.head().atom().relation().text()).id());
          }
          once.add(plan);
        } else {
          full.add(plan);
          recursiveRules.add(rule);
          for (int atom : recursiveAtoms) {
            RulePlan delta = planner.plan(rule, atom);
            // with two atoms both starts visit the same pairs; a third is where starting from the delta
            // can build a large intermediate result that the small relation would have cut down first
            long atoms = rule.body().stream().filter(PositiveLiteral.class::isInstance).count();
            for (int i = 0; i < rule.body().size() && atoms >= 3; i++) {
              if (rule.body().get(i) instanceof PositiveLiteral p
                  && !component.contains(p.atom().relation().text())) {
                RulePlan from = planner.planFrom(rule, i, atom);
                if (from != null) {
                  delta.addAlternative(byName.get(p.atom().relation().text()).id(), from);
                }
              }
            }
            deltas.add(delta);
          }
        }
      }
      if (!once.isEmpty() || !full.isEmpty()) {
        int[] ids = idsOf(component);
        PriorityOrder priority =
            PriorityOrder.of(component.stream().map(byName::get).toList(), recursiveRules);
        if (priority != null && !deltas.stream().allMatch(d -> d.first instanceof ScanStep s && s.readsDelta())) {
          priority = null; // one raised row at a time pays only when the plan starts from it
        }
        components.add(new ComponentPlan(ids, once, full, deltas, priority));
      }
    }
    planner.planning(Set.of()); // what follows runs after the tick's fixpoint, on relations that stay put
    for (Rule rule : rules) {
      if (rule.head().form() != HeadForm.SAME_TICK) {
        deferred.add(planner.plan(rule, -1));
      }
    }
    planner.dropKnownFacts();
    for (String output : checked.outputs()) {
      outputs.add(byName.get(output));
    }
    for (calm.syntax.Constraint constraint : program.constraints()) {
      constraints.add(planner.plan(constraint));
    }
    for (calm.syntax.Seal seal : program.seals()) {
      SealWatch watch = SealWatch.of(seal, this);
      if (watch != null) {
        seals.add(watch);
      }
    }
  }

  /** The component's relation ids in order (most components are one relation). */
  private int[] idsOf(Set<String> component) {
    int[] ids = new int[component.size()];
    int i = 0;
    for (String name : component) {
      ids[i++] = byName.get(name).id();
    }
    Arrays.sort(ids);
    return ids;
  }

  private void compileFact(Fact f) {
    Relation r = byName.get(f.relation().text());
    long[] tuple = new long[r.arity()];
    for (int i = 0; i < tuple.length; i++) {
      Constant c = f.values().get(i);
      tuple[i] = c instanceof IntConstant n ? n.value() : strings.intern(((StringConstant) c).value());
    }
    facts.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(tuple);
  }

  /** A value as the engine stores it in a column of type {@code type}. */
  long encode(Object value, Type type) {
    return type == Type.STRING ? strings.intern((String) value) : ((Number) value).longValue();
  }
}
