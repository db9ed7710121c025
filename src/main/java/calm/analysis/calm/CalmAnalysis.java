package calm.analysis.calm;

import calm.analysis.graph.Dependency;
import calm.analysis.graph.DependencyGraph;
import calm.analysis.graph.Outputs;
import calm.analysis.graph.Schema;
import calm.diagnostics.Diagnostic;
import calm.syntax.Constraint;
import calm.syntax.Program;
import calm.syntax.Rule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * The CALM analysis of §5 Annotations and seals, §8 The CALM analysis and §12 Integrity
 * constraints, as passes, each a class with one job: {@link AsyncReach} (what asynchrony reaches),
 * {@link EventRelations}, {@link GrowOnly}, {@link FixedRelations} and {@link MonotoneAggregates}
 * answer questions about relations; {@link PointFinders} finds each rule's coordination point with
 * one {@link PointFinder} per kind; {@link Acknowledgements} and {@link SealCoverage} decide its
 * status; {@link UnusedSeals} reports the seals that cover nothing; {@link PointWriter} writes the
 * points; {@link Verdicts} and {@link ConstraintVerdicts} give every output and constraint its
 * verdict; {@link Edges} answers what drawings ask of an edge. This class only runs them in order.
 */
public final class CalmAnalysis {
  private final Program program;
  private final DependencyGraph graph;
  private final PointContext context;
  private final Edges edges;
  private final PointDiagnostics pointDiagnostics;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final CalmReport report;

  private CalmAnalysis(Program program, DependencyGraph graph) {
    this.program = program;
    this.graph = graph;
    Schema schema = graph.schema();
    List<Rule> rules = program.rules();
    if (!graph.ids().numbers(rules)) {
      throw new IllegalArgumentException("the dependency graph is not the graph of this program's rules");
    }
    RelationIndex index = RelationIndex.of(graph);
    AsyncReach reach = AsyncReach.of(index);
    EventRelations events = EventRelations.of(index);
    GrowOnly growOnly = GrowOnly.of(index, rules, events);
    FixedRelations fixed = FixedRelations.of(index, reach, rules);
    stopIfInterrupted();
    this.context =
        new PointContext(
            schema,
            index,
            reach,
            events,
            growOnly,
            fixed,
            new MonotoneAggregates(index, growOnly, events, fixed),
            new SameSourceRace(schema, events, rules, index.ids()),
            new LinkedHashSet<>(Outputs.of(graph)),
            Collections.newSetFromMap(new IdentityHashMap<>()));
    PointFinders finders = new PointFinders(context);
    SealCoverage seals = new SealCoverage(program.seals(), growOnly, finders);
    List<PointDraft> found = new ArrayList<>();
    for (int r = 0; r < rules.size(); r++) {
      Rule rule = rules.get(r);
      if (index.ids().head(r) < 0) {
        continue;
      }
      if ((r & 1023) == 0) {
        stopIfInterrupted();
      }
      PointDraft point = finders.find(rule, r);
      if (point != null) {
        seals.decide(point);
      }
      Acknowledgements.apply(rule, point, diagnostics::add);
      if (point != null) {
        found.add(point);
      }
    }
    stopIfInterrupted();
    ConstraintThreats constraintThreats = new ConstraintThreats(context, finders, seals);
    Map<Constraint, List<ConstraintThreat>> bodyThreats = new IdentityHashMap<>();
    for (Constraint constraint : program.constraints()) {
      bodyThreats.put(constraint, constraintThreats.of(constraint));
    }
    UnusedSeals.report(program.seals(), seals, events, growOnly, diagnostics::add);
    this.edges = new Edges(found, rules.size(), context.monotoneAggregates());
    PointWriter writer = new PointWriter(reach, finders, edges);
    List<CoordinationPoint> points = new ArrayList<>();
    for (PointDraft point : found) {
      point.point = writer.point(point);
      points.add(point.point);
    }
    this.pointDiagnostics = writer.diagnostics(found);
    stopIfInterrupted();
    List<ConstraintVerdict> constraintVerdicts =
        ConstraintVerdicts.of(index, points, program.constraints(), bodyThreats, diagnostics::add);
    this.report =
        new CalmReport(
            points, Verdicts.of(index, new ArrayList<>(context.outputs()), points, heads(index, found)), constraintVerdicts);
  }

  /**
   * The analysis runs beside the checks and is dropped, by interrupting its thread, when they find an
   * error: it then stops between passes (and every thousand rules) rather than keep a core busy
   * while the report is written.
   */
  private static void stopIfInterrupted() {
    if (Thread.currentThread().isInterrupted()) {
      throw new CancellationException("the CALM analysis was interrupted");
    }
  }

  /** Runs the analysis on a program that the checks found free of errors. */
  public static CalmAnalysis of(Program program, Schema schema) {
    return of(program, DependencyGraph.of(schema, program.rules()));
  }

  /** Runs the analysis on a program that the checks found free of errors, whose graph is built. */
  public static CalmAnalysis of(Program program, DependencyGraph graph) {
    return new CalmAnalysis(program, graph);
  }

  /** Each point's head relation, by number: its rule's head, as the relation numbers resolved it. */
  private static int[] heads(RelationIndex index, List<PointDraft> found) {
    int[] heads = new int[found.size()];
    for (int p = 0; p < heads.length; p++) {
      heads[p] = index.ids().head(found.get(p).index);
    }
    return heads;
  }

  public CalmReport report() {
    return report;
  }

  /** The W201 and W202 warnings (the points' own diagnostics are {@link #pointDiagnostics()}). */
  public List<Diagnostic> diagnostics() {
    return List.copyOf(diagnostics);
  }

  /** The coordination points as C001 diagnostics, in the order of {@link CalmReport#points()}. */
  public PointDiagnostics pointDiagnostics() {
    return pointDiagnostics;
  }

  public DependencyGraph graph() {
    return graph;
  }

  public Program program() {
    return program;
  }

  public boolean isAsynchronous(String relation) {
    return context.reach().isAsynchronous(relation);
  }

  /** An input, a channel, or a scratch that reads one (§8 The CALM analysis). */
  public boolean isEvent(String relation) {
    return context.events().isEvent(relation);
  }

  /** As {@link #isEvent(String)}, for the relation numbered {@code relation} ({@link #graph()}'s numbers). */
  public boolean isEvent(int relation) {
    return context.events().isEvent(relation);
  }

  /** The relations that get a verdict. */
  public Set<String> outputs() {
    return Collections.unmodifiableSet(context.outputs());
  }

  /** Whether the edge can lose facts in its head when its body gains some, after monotone aggregates. */
  public boolean isNonMonotone(Dependency d) {
    return edges.isNonMonotone(d);
  }

  /** Bud's label for one edge: D where the edge is a reason of a coordination point. */
  public EdgeLabel label(Dependency d) {
    return edges.label(d);
  }

  /** The point this edge is a reason of, if any. */
  public Optional<CoordinationPoint> pointOf(Dependency d) {
    return edges.pointOf(d);
  }
}
