package calm.analysis.calm;

import calm.analysis.Dependency;
import calm.analysis.DependencyGraph;
import calm.analysis.PointDiagnostics;
import calm.analysis.Schema;
import calm.analysis.Time;
import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.diagnostics.Severity;
import calm.syntax.Aggregate;
import calm.syntax.Annotation;
import calm.syntax.Atom;
import calm.syntax.Constraint;
import calm.syntax.Head;
import calm.syntax.Name;
import calm.syntax.Declaration;
import calm.syntax.HeadForm;
import calm.syntax.Literal;
import calm.syntax.NegatedLiteral;
import calm.syntax.PositiveLiteral;
import calm.syntax.Program;
import calm.syntax.Rule;
import calm.syntax.Seal;
import calm.syntax.Span;
import calm.syntax.Term;
import calm.syntax.Variable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The CALM analysis of §5 and §8: finds the coordination points, decides their status (open, sealed,
 * acknowledged) and gives every output its verdict.
 *
 * <p>Every step is one pass over the program: one breadth-first search from all sources of asynchrony,
 * one propagation each for events and grow-only relations, then a look at each rule's own body, and one
 * pass over the strongly connected components for the verdicts.
 */
public final class CalmAnalysis {
  private static final String GUARD_MUST_BE_WRITTEN =
      "`done` stands for a relation the program writes (a rule, a fact or an input) once the key is"
          + " complete: a guard that nothing writes seals nothing (E404)";

  private final Program program;
  private final Schema schema;
  private final RelationIndex index;
  private final DependencyGraph graph;
  private final AsyncReach reach;
  private final EventRelations events;
  private final SameSourceRace sameSource;
  private final GrowOnly growOnly;
  private final FixedRelations fixed;
  private final Set<String> outputs;
  private final Set<Rule> monotoneAggregates = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<Literal, Found> reasonOf = new IdentityHashMap<>();
  private final List<Found> found = new ArrayList<>();
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final CalmReport report;
  private SnapshotPoints snapshots;

  /** A coordination point while the analysis works on it. */
  private static final class Found {
    final Rule rule;
    final Map<PointKind, List<Literal>> reasons = new EnumMap<>(PointKind.class);
    Blame blame;
    String race;
    SameSourceRace.Race sameSource;
    Literal via;
    final Map<Literal, calm.analysis.LatticeReads.Snapshot> snapshots = new java.util.LinkedHashMap<>();
    PointStatus status;
    final Set<Seal> sealedBy = new LinkedHashSet<>();
    CoordinationPoint point;

    Found(Rule rule) {
      this.rule = rule;
    }
  }

  private CalmAnalysis(Program program, DependencyGraph graph) {
    this.program = program;
    this.schema = graph.schema();
    this.graph = graph;
    List<Rule> rules = program.rules();
    this.index = RelationIndex.of(graph);
    this.reach = AsyncReach.of(index);
    this.events = EventRelations.of(index);
    this.sameSource = new SameSourceRace(schema, events, rules);
    this.outputs = outputsOf(schema, index);
    this.growOnly = GrowOnly.of(index, rules, events);
    this.fixed = FixedRelations.of(index, reach, rules);
    MonotoneAggregates monotone = new MonotoneAggregates(index, growOnly, events, fixed);
    this.snapshots = new SnapshotPoints(schema, reach, monotone);
    Map<String, List<Seal>> sealsByRelation = new HashMap<>();
    for (Seal seal : program.seals()) {
      sealsByRelation.computeIfAbsent(seal.sealed().relation().text(), k -> new ArrayList<>()).add(seal);
    }
    Set<Seal> usedSeals = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Rule rule : rules) {
      if (!schema.isDeclared(rule.head().atom().relation().text())) {
        continue;
      }
      Found point = findPoint(rule, monotone);
      Optional<Annotation> coordinated =
          rule.annotation().filter(a -> a.name().text().equals("coordinated"));
      if (point == null) {
        coordinated.ifPresent(
            a ->
                diagnostics.add(
                    Diagnostic.of(
                            Code.COORDINATED_WITHOUT_POINT,
                            a.span(),
                            "@coordinated on a rule with no coordination point: nothing here depends on the"
                                + " order of asynchronous events")
                        .withHelp("remove the annotation")));
        continue;
      }
      decideStatus(point, sealsByRelation, usedSeals);
      if (point.status == PointStatus.SEALED && coordinated.isPresent()) {
        diagnostics.add(
            Diagnostic.of(
                    Code.COORDINATED_WITHOUT_POINT,
                    coordinated.get().span(),
                    "@coordinated on a rule whose coordination point is already sealed by "
                        + sealText(point.sealedBy.iterator().next())
                        + "; the point stays sealed")
                .withHelp("remove the annotation, or remove the seal if the deployment coordinates instead"));
      } else if (coordinated.isPresent()) {
        point.status = PointStatus.ACKNOWLEDGED;
      }
      found.add(point);
      for (List<Literal> literals : point.reasons.values()) {
        for (Literal literal : literals) {
          reasonOf.put(literal, point);
        }
      }
    }
    Map<Constraint, List<ConstraintThreat>> bodyThreats = new IdentityHashMap<>();
    for (Constraint constraint : program.constraints()) {
      bodyThreats.put(constraint, bodyThreats(constraint, monotone, sealsByRelation, usedSeals));
    }
    for (Seal seal : program.seals()) {
      if (!usedSeals.contains(seal) && events.isEvent(seal.sealed().relation().text())) {
        String sealed = seal.sealed().relation().text();
        diagnostics.add(
            Diagnostic.of(
                    Code.SEAL_COVERS_NOTHING,
                    seal.span(),
                    "this seal covers no coordination point: `" + sealed + "` is an event relation, which"
                        + " holds only the facts that arrive in a tick, so when the guard holds, the key's"
                        + " earlier facts are gone")
                .withHelp(
                    "persist `" + sealed + "` in a table (`" + sealed + "_log(...) :- " + sealed
                        + "(...).`), seal the table instead, and read the table in the rule",
                    "or remove the seal"));
      } else if (!usedSeals.contains(seal) && !growOnly.isGrowOnly(seal.sealed().relation().text())) {
        String sealed = seal.sealed().relation().text();
        diagnostics.add(
            Diagnostic.of(
                    Code.SEAL_COVERS_NOTHING,
                    seal.span(),
                    "this seal covers no coordination point: `" + sealed + "` can lose facts (a `delete`, or a"
                        + " view over something that shrinks), and a seal only promises that no new facts"
                        + " appear")
                .withHelp(
                    "seal a table that only grows (a log of the events) and derive the current state from it",
                    "or remove the seal"));
      } else if (!usedSeals.contains(seal)) {
        diagnostics.add(
            Diagnostic.of(
                    Code.SEAL_COVERS_NOTHING,
                    seal.span(),
                    "this seal covers no coordination point: no rule negates, aggregates or races on `"
                        + seal.sealed().relation().text()
                        + "` while holding the guard `"
                        + seal.guard().relation().text()
                        + "` with the key bound to the same variables (and deletion cannot be sealed)")
                .withHelp(
                    "put the guard atom in the body of the rule that negates, aggregates or races on `"
                        + seal.sealed().relation().text()
                        + "`, binding the key to the same variables (and group an aggregate by it)",
                    "or remove the seal"));
      }
    }
    List<CoordinationPoint> points = new ArrayList<>();
    for (Found point : found) {
      point.point = toPoint(point);
      points.add(point.point);
    }
    List<ConstraintVerdict> constraintVerdicts =
        ConstraintVerdicts.of(index, points, program.constraints(), bodyThreats, diagnostics::add);
    this.report =
        new CalmReport(points, Verdicts.of(index, new ArrayList<>(outputs), points), constraintVerdicts);
  }

  /** Runs the analysis on a program that the checks found free of errors. */
  public static CalmAnalysis of(Program program, Schema schema) {
    return of(program, DependencyGraph.of(schema, program.rules()));
  }

  /** Runs the analysis on a program that the checks found free of errors, whose graph is built. */
  public static CalmAnalysis of(Program program, DependencyGraph graph) {
    return new CalmAnalysis(program, graph);
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
    return new PointDiagnostics() {
      @Override
      public int size() {
        return found.size();
      }

      @Override
      public Span span(int index) {
        return found.get(index).point.at();
      }

      @Override
      public Severity severity(int index) {
        return found.get(index).point.status() == PointStatus.UNACKNOWLEDGED ? Severity.ERROR : Severity.NOTE;
      }

      @Override
      public Diagnostic write(int index) {
        return diagnosticOf(found.get(index));
      }
    };
  }

  public DependencyGraph graph() {
    return graph;
  }

  public Program program() {
    return program;
  }

  public boolean isAsynchronous(String relation) {
    return reach.isAsynchronous(relation);
  }

  /** An input, a channel, or a scratch that reads one (§8). */
  public boolean isEvent(String relation) {
    return events.isEvent(relation);
  }

  /** The relations that get a verdict. */
  public Set<String> outputs() {
    return Collections.unmodifiableSet(outputs);
  }

  /** Whether the edge can lose facts in its head when its body gains some, after monotone aggregates. */
  public boolean isNonMonotone(Dependency d) {
    return d.negated() || d.deleting() || d.snapshot()
        || (d.aggregated() && !monotoneAggregates.contains(d.rule()));
  }

  /** Bud's label for one edge: D where the edge is a reason of a coordination point. */
  public EdgeLabel label(Dependency d) {
    if (reasonOf.containsKey(d.literal())) {
      return EdgeLabel.D;
    }
    if (d.time() == Time.ASYNC) {
      return EdgeLabel.A;
    }
    return isNonMonotone(d) ? EdgeLabel.N : EdgeLabel.M;
  }

  /** The point this edge is a reason of, if any. */
  public Optional<CoordinationPoint> pointOf(Dependency d) {
    Found f = reasonOf.get(d.literal());
    return f == null ? Optional.empty() : Optional.of(f.point);
  }

  // ---------------------------------------------------------------------------------------------
  // Finding points

  private Found findPoint(Rule rule, MonotoneAggregates monotone) {
    Found point = new Found(rule);
    List<Literal> asynchronous = new ArrayList<>();
    for (Literal literal : rule.body()) {
      Atom atom = SealApplication.atomOf(literal);
      if (atom != null && reach.isAsynchronous(atom.relation().text())) {
        asynchronous.add(literal);
        if (literal instanceof NegatedLiteral) {
          add(point, PointKind.NEGATION, literal);
        }
      }
    }
    if (rule.isAggregate()) {
      String head = rule.head().atom().relation().text();
      Optional<Blame> blame = monotone.blame(rule, outputs.contains(head));
      if (blame.isEmpty()) {
        monotoneAggregates.add(rule);
      } else if (!asynchronous.isEmpty()) {
        point.blame = blame.get();
        asynchronous.forEach(l -> add(point, PointKind.AGGREGATION, l));
      }
    }
    if (rule.head().form() == HeadForm.DELETE || rule.head().form() == HeadForm.UPDATE) {
      asynchronous.forEach(l -> add(point, PointKind.DELETION, l));
    }
    for (calm.analysis.LatticeReads.Snapshot snapshot : snapshots.of(rule)) {
      add(point, PointKind.SNAPSHOT, snapshot.literal());
      point.snapshots.put(snapshot.literal(), snapshot);
      if (snapshot.aggregate()) {
        // an aggregate against the lattice's direction is never monotone (§11)
        monotoneAggregates.remove(rule);
        add(point, PointKind.AGGREGATION, snapshot.literal());
      }
    }
    findRace(rule, point);
    if (point.reasons.isEmpty()) {
      return null;
    }
    Literal via = null;
    for (PointKind kind : point.reasons.keySet()) {
      for (Literal literal : primary(point, kind)) {
        if (via == null || reach.rank(relationOf(literal)) < reach.rank(relationOf(via))) {
          via = literal;
        }
      }
    }
    point.via = via;
    return point;
  }

  /**
   * The literals a kind of point is about, which the reported path goes through: the negated relation,
   * the relation an aggregate reads its value from, the asynchronous table of a race (the event is
   * only its trigger), or what a deletion reads.
   */
  private List<Literal> primary(Found point, PointKind kind) {
    List<Literal> all = point.reasons.get(kind);
    List<Literal> preferred = all;
    if (kind == PointKind.AGGREGATION) {
      Aggregate aggregate =
          (Aggregate)
              point.rule.head().atom().arguments().get(MonotoneAggregates.aggregateColumn(point.rule));
      List<String> valueVariables = Variables.in(aggregate.argument());
      preferred =
          all.stream()
              .filter(
                  l ->
                      l instanceof PositiveLiteral p
                          && valueVariables.stream().anyMatch(v -> Variables.mentions(p.atom(), v)))
              .toList();
    } else if (kind == PointKind.RACE) {
      // the path must start at a source: state that only changes with the ticks is not on one
      List<Literal> asynchronous = all.stream().filter(l -> reach.isAsynchronous(relationOf(l))).toList();
      preferred = asynchronous.stream().filter(l -> !events.isEvent(relationOf(l))).toList();
      if (preferred.isEmpty()) {
        preferred = asynchronous;
      }
    }
    return preferred.isEmpty() ? all : preferred;
  }

  /**
   * A race (§8): an event joined in positive atoms with an asynchronous table or a view of one, or
   * with an event from a different arrival.
   */
  private void findRace(Rule rule, Found point) {
    List<Literal> eventAtoms = new ArrayList<>();
    List<Literal> stateAtoms = new ArrayList<>();
    // state that is not asynchronous but changes from tick to tick (@next, delete): when an asynchronous
    // fact arrives decides which of its states the fact meets
    List<Literal> changing = new ArrayList<>();
    for (Literal literal : rule.body()) {
      Atom atom = SealApplication.atomOf(literal);
      if (atom == null) {
        continue;
      }
      String relation = atom.relation().text();
      if (literal instanceof PositiveLiteral && events.isEvent(relation)) {
        eventAtoms.add(literal);
      } else if (literal instanceof PositiveLiteral && reach.isAsynchronous(relation)) {
        stateAtoms.add(literal);
      } else if (!reach.isAsynchronous(relation) && !fixed.isFixed(relation)) {
        changing.add(literal);
      }
    }
    if (eventAtoms.isEmpty()) {
      List<Literal> meets =
          changing.stream()
              .filter(l -> l instanceof NegatedLiteral || !growOnly.isGrowOnly(relationOf(l)))
              .toList();
      if (!stateAtoms.isEmpty() && !meets.isEmpty()) {
        Literal state = stateAtoms.get(0);
        Literal other = meets.get(0);
        point.race =
            "race: asynchronous `" + relationOf(state) + "` is joined with `" + relationOf(other) + "`, which "
                + (other instanceof NegatedLiteral ? "is negated while it changes" : "loses facts")
                + " from tick to tick (`@next` or `delete`): which of its states a `" + relationOf(state)
                + "` fact meets depends on when it arrives";
        stateAtoms.forEach(l -> add(point, PointKind.RACE, l));
        meets.forEach(l -> add(point, PointKind.RACE, l));
      }
      return;
    }
    if (stateAtoms.isEmpty() && !changing.isEmpty()) {
      Literal other = changing.get(0);
      point.race =
          "race: event `" + relationOf(eventAtoms.get(0)) + "` is joined with `" + relationOf(other)
              + "`, which changes from tick to tick (`@next` or `delete`): the join sees whatever `"
              + relationOf(other) + "` holds when the event arrives";
      eventAtoms.forEach(l -> add(point, PointKind.RACE, l));
      changing.forEach(l -> add(point, PointKind.RACE, l));
      return;
    }
    List<String> eventRelations = eventAtoms.stream().map(CalmAnalysis::relationOf).toList();
    if (!stateAtoms.isEmpty()) {
      Literal state = stateAtoms.get(0);
      String kind = schema.get(relationOf(state)).kind().keyword();
      point.race =
          "race: event `" + eventRelations.get(0) + "` is joined with asynchronous " + kind + " `"
              + relationOf(state) + "`: the join sees whatever of `" + relationOf(state)
              + "` has arrived when the event does";
      eventAtoms.forEach(l -> add(point, PointKind.RACE, l));
      stateAtoms.forEach(l -> add(point, PointKind.RACE, l));
    } else if (eventAtoms.size() > 1 && events.fromDifferentSources(eventRelations)) {
      point.race =
          "race: events "
              + eventRelations.stream()
                  .distinct()
                  .map(r -> "`" + r + "` (from " + events.describeSource(r) + ")")
                  .collect(Collectors.joining(" and "))
              + " come from different arrivals, so whether they meet in one tick depends on timing";
      eventAtoms.forEach(l -> add(point, PointKind.RACE, l));
    } else {
      Optional<SameSourceRace.Race> race =
          sameSource.find(rule, eventAtoms.stream().map(l -> (PositiveLiteral) l).toList());
      if (race.isPresent()) {
        SameSourceRace.Race r = race.get();
        point.race =
            "race: `" + SameSourceRace.atomText(r.first().atom()) + "` and `"
                + SameSourceRace.atomText(r.second().atom()) + "` both come from "
                + schema.get(r.source()).kind().keyword() + " `" + r.source()
                + "`, but neither must hold whenever the other's message arrives: " + r.why()
                + "; so they can match two `" + r.source() + "` messages that arrive in different ticks";
        point.sameSource = r;
        add(point, PointKind.RACE, r.first());
        add(point, PointKind.RACE, r.second());
      }
    }
  }

  private static void add(Found point, PointKind kind, Literal literal) {
    point.reasons.computeIfAbsent(kind, k -> new ArrayList<>()).add(literal);
  }

  private static String relationOf(Literal literal) {
    return SealApplication.atomOf(literal).relation().text();
  }

  // ---------------------------------------------------------------------------------------------
  // Constraints (§12)

  /**
   * Whether a constraint's body is monotone, decided in this one place: the literals that read an
   * asynchronous relation non-monotonically or race, found exactly as a rule's points are (the body is
   * judged as the body of a rule with no head), and reads of a monotone aggregate's value other than
   * a threshold test in its direction. A new kind of non-monotone read (a lattice snapshot, §11) that
   * {@link #findPoint} learns applies to constraints at once.
   */
  private List<ConstraintThreat> bodyThreats(
      Constraint constraint,
      MonotoneAggregates monotone,
      Map<String, List<Seal>> sealsByRelation,
      Set<Seal> usedSeals) {
    Span at = constraint.turnstile();
    Rule asRule =
        new Rule(
            constraint.span(),
            Optional.empty(),
            new Head(at, HeadForm.SAME_TICK, new Atom(at, new Name(":-", at), List.of())),
            constraint.body());
    List<ConstraintThreat> threats = new ArrayList<>();
    Found point = findPoint(asRule, monotone);
    if (point != null) {
      decideStatus(point, sealsByRelation, usedSeals);
      for (PointKind kind : point.reasons.keySet()) {
        Literal shown = primary(point, kind).get(0);
        threats.add(
            new ConstraintThreat(
                Optional.empty(), shown.span(), kind.label(), reasonText(point, kind, shown), point.status));
      }
    }
    for (Literal literal : constraint.body()) {
      if (!(literal instanceof PositiveLiteral p) || !reach.isAsynchronous(relationOf(literal))) {
        continue;
      }
      String relation = relationOf(literal);
      for (Dependency into : index.incoming(index.id(relation))) {
        if (!into.aggregated() || !monotoneAggregates.contains(into.rule())) {
          continue;
        }
        int column = MonotoneAggregates.aggregateColumn(into.rule());
        Aggregate aggregate = (Aggregate) into.rule().head().atom().arguments().get(column);
        Dependency read =
            new Dependency(relation, ":-", asRule, p, calm.analysis.Time.SAME_TICK, false, false, false);
        Optional<Blame> blame = monotone.blameUse(read, column, aggregate.function());
        if (blame.isPresent()) {
          threats.add(
              new ConstraintThreat(
                  Optional.empty(),
                  blame.get().where(),
                  "aggregate read",
                  "reads the " + aggregate.function().keyword() + " `" + relation + "` (line "
                      + into.rule().head().span().line() + ") as a snapshot: " + blame.get().why(),
                  PointStatus.UNACKNOWLEDGED));
          break;
        }
      }
    }
    return threats;
  }

  // ---------------------------------------------------------------------------------------------
  // Seals (§5)

  /**
   * A point is sealed when each of its kinds is: every negated asynchronous atom keyed by a seal's key
   * with the guard in the body; every asynchronous atom of an aggregation sealed (or the guard itself)
   * with the aggregate grouped by the key; every asynchronous atom of a race sealed or a guard. Deletion
   * cannot be sealed.
   */
  private void decideStatus(Found point, Map<String, List<Seal>> sealsByRelation, Set<Seal> usedSeals) {
    // a seal promises only that no new facts appear: on an event (whose earlier facts are gone when
    // the guard holds) or on a relation that loses facts (delete, a view that shrinks) it decides nothing
    List<SealApplication> applications =
        SealApplication.in(point.rule, sealsByRelation).stream()
            .filter(a -> growOnly.isGrowOnly(a.seal().sealed().relation().text()))
            .toList();
    boolean allSealed = true;
    Set<Seal> used = new LinkedHashSet<>();
    for (Map.Entry<PointKind, List<Literal>> entry : point.reasons.entrySet()) {
      List<SealApplication> usable = applications;
      if (entry.getKey() == PointKind.AGGREGATION) {
        Set<String> groupBy = groupByVariables(point.rule);
        usable = applications.stream().filter(a -> groupBy.containsAll(a.keyVariables())).toList();
      }
      // a seal that covers part of a point is in use, even if the point stays open for another reason
      if (!cover(entry.getKey(), entry.getValue(), usable, used)) {
        allSealed = false;
      }
    }
    usedSeals.addAll(used);
    if (allSealed) {
      point.status = PointStatus.SEALED;
      point.sealedBy.addAll(used);
    } else {
      point.status = PointStatus.UNACKNOWLEDGED;
    }
  }

  /**
   * Whether seals cover every reason literal of one kind; the seals that cover any of them are added to
   * {@code used}.
   */
  private static boolean cover(
      PointKind kind, List<Literal> literals, List<SealApplication> applications, Set<Seal> used) {
    if (kind == PointKind.DELETION) {
      return false;
    }
    boolean all = true;
    for (Literal literal : literals) {
      boolean covered = false;
      for (SealApplication a : applications) {
        boolean asSealed = a.sealed() == literal;
        boolean asGuard = a.guard() == literal && kind != PointKind.NEGATION;
        if (asSealed || asGuard) {
          used.add(a.seal());
          covered = true;
        }
      }
      all &= covered;
    }
    return all;
  }

  private static Set<String> groupByVariables(Rule rule) {
    Set<String> names = new LinkedHashSet<>();
    for (Term t : rule.head().atom().arguments()) {
      if (t instanceof Variable v) {
        names.add(v.name());
      }
    }
    return names;
  }

  // ---------------------------------------------------------------------------------------------
  // Reporting

  private CoordinationPoint toPoint(Found point) {
    String via = relationOf(point.via);
    List<String> path = new ArrayList<>();
    path.add(reach.sourceOf(via));
    for (Dependency d : reach.pathTo(via)) {
      path.add(d.to());
    }
    path.add(point.rule.head().atom().relation().text());
    AsyncEdge last = reach.lastAsyncEdge(via);
    if (last == null) {
      last = new AsyncEdge(path.get(0), path.get(1));
    }
    return new CoordinationPoint(
        point.rule,
        point.rule.head().atom().span(),
        point.reasons.keySet(),
        point.status,
        path,
        last);
  }

  private Diagnostic diagnosticOf(Found found) {
    CoordinationPoint point = found.point;
    String head = point.path().get(point.path().size() - 1);
    // plain loops: a large program writes hundreds of thousands of these
    StringBuilder message = new StringBuilder(256).append("coordination point (");
    String separator = "";
    for (PointKind kind : point.kinds()) {
      message.append(separator).append(kind.label());
      separator = ", ";
    }
    message.append("): `").append(head).append("` depends on the order of asynchronous events along ");
    separator = "";
    for (String relation : point.path()) {
      message.append(separator).append(relation);
      separator = " → ";
    }
    message.append(" (");
    for (Dependency d : reach.pathTo(relationOf(found.via))) {
      message.append(label(d).name()).append(' ');
    }
    message
        .append(EdgeLabel.D.name())
        .append("); last asynchronous edge ")
        .append(point.lastAsyncEdge().from())
        .append(" → ")
        .append(point.lastAsyncEdge().to());
    Severity severity = Severity.ERROR;
    if (point.status() == PointStatus.SEALED) {
      severity = Severity.NOTE;
      message
          .append("; sealed by ")
          .append(found.sealedBy.stream().map(CalmAnalysis::sealText).collect(Collectors.joining(" and ")))
          .append(": a local, per-key decision");
    } else if (point.status() == PointStatus.ACKNOWLEDGED) {
      severity = Severity.NOTE;
      message
          .append("; acknowledged: @coordinated(\"")
          .append(found.rule.annotation().get().reason())
          .append("\")");
    }
    Diagnostic d =
        new Diagnostic(
            Code.COORDINATION_POINT, severity, message.toString(), point.at(), List.of(), List.of());
    for (PointKind kind : found.reasons.keySet()) {
      // name the atom the path goes through when it is one of this kind's, so the two agree
      List<Literal> primary = primary(found, kind);
      Literal shown = primary.contains(found.via) ? found.via : primary.get(0);
      d = d.withRelated(shown.span(), reasonText(found, kind, shown));
    }
    if (found.sameSource != null) {
      List<Literal> race = primary(found, PointKind.RACE);
      Literal shown = race.contains(found.via) ? found.via : race.get(0);
      Literal other = shown == found.sameSource.first() ? found.sameSource.second() : found.sameSource.first();
      d = d.withRelated(
          other.span(),
          "the other `" + found.sameSource.source() + "` atom of the race");
    }
    if (found.blame != null) {
      d = d.withRelated(found.blame.where(), "not monotone: " + found.blame.why());
    }
    if (point.status() == PointStatus.UNACKNOWLEDGED) {
      d = d.withHelp(helpFor(found).toArray(String[]::new));
    }
    return d;
  }

  private String reasonText(Found found, PointKind kind, Literal literal) {
    String relation = relationOf(literal);
    switch (kind) {
      case NEGATION:
        return "negation of asynchronous `" + relation + "`: its absence now says nothing about later";
      case AGGREGATION:
        Aggregate aggregate =
            (Aggregate)
                found.rule.head().atom().arguments().get(MonotoneAggregates.aggregateColumn(found.rule));
        return aggregate.function().keyword() + " over asynchronous `" + relation + "`";
      case DELETION:
        return (found.rule.head().form() == HeadForm.UPDATE
                ? "`" + found.rule.head().atom().relation().text() + "@update` (deletes the key's old row)"
                : "`delete " + found.rule.head().atom().relation().text() + "`")
            + " after reading asynchronous `" + relation + "`";
      case SNAPSHOT:
        calm.analysis.LatticeReads.Snapshot snapshot = found.snapshots.get(literal);
        return snapshot == null
            ? "snapshot of asynchronous lattice `" + relation + "`"
            : SnapshotPoints.reason(snapshot);
      default:
        return found.race;
    }
  }

  private List<String> helpFor(Found found) {
    List<String> help = new ArrayList<>();
    Set<PointKind> kinds = found.reasons.keySet();
    if (kinds.contains(PointKind.RACE) && found.sameSource != null) {
      String source = found.sameSource.source();
      help.add(
          "persist `" + source + "` in a table first (a rule `" + source + "_log(...) :- " + source
              + "(...).`) and join the table, so both atoms see every message that has arrived");
      help.add(
          "or join the two atoms on the message's full key: let both hold the same variable in every"
              + " column of `" + source + "` that either tests, and keep those columns in the scratch"
              + " relations on the way, so that one atom matches exactly the other's message");
    } else if (kinds.contains(PointKind.RACE)) {
      String event =
          found.reasons.get(PointKind.RACE).stream()
              .map(CalmAnalysis::relationOf)
              .filter(events::isEvent)
              .findFirst()
              .orElse("the event");
      String other = relationOf(primary(found, PointKind.RACE).get(0));
      help.add(
          "persist `" + event + "` in a table (a rule `" + event + "_log(...) :- " + event
              + "(...).`) and read the table"
              + (other.equals(event) || kinds.contains(PointKind.DELETION)
                  ? ""
                  : ", or seal `" + other + "` by a key that `" + event + "` carries (`seal "
                      + sealPattern(other) + " by " + event + "(..., K, ...).`; a guard must be a"
                      + " relation the program writes, as `" + event + "` is)"));
    }
    if (kinds.contains(PointKind.AGGREGATION)) {
      Aggregate aggregate =
          (Aggregate)
              found.rule.head().atom().arguments().get(MonotoneAggregates.aggregateColumn(found.rule));
      switch (aggregate.function()) {
        case COUNT, MAX -> help.add(
            "test the " + aggregate.function().keyword()
                + " against a threshold (`N >= K`) instead of reading its value; only then is it"
                + " monotone (and only over tables that no rule deletes from)");
        case MIN -> help.add(
            "test the min against a threshold (`N <= K`) instead of reading its value; only then is it"
                + " monotone (and only over tables that no rule deletes from)");
        case SUM -> help.add(
            "a sum is monotone only when the body proves the summed values non-negative (`"
                + aggregate.argument() + " >= 0`) and it is only tested against a threshold (`N >= K`)");
      }
      String sealed = relationOf(primary(found, PointKind.AGGREGATION).get(0));
      if (!kinds.contains(PointKind.DELETION)) {
        help.add(
            "or " + sealAdvice(sealed)
                + ", put the guard atom in this rule and group the aggregate by the key; "
                + GUARD_MUST_BE_WRITTEN);
      }
    }
    if (kinds.contains(PointKind.NEGATION) && !kinds.contains(PointKind.DELETION)) {
      String negated = relationOf(found.reasons.get(PointKind.NEGATION).get(0));
      help.add(
          sealAdvice(negated)
              + " and put the guard atom in this rule, so each key is decided once it is"
              + " complete; " + GUARD_MUST_BE_WRITTEN);
    }
    if (kinds.contains(PointKind.SNAPSHOT) && !kinds.contains(PointKind.AGGREGATION)) {
      help.addAll(snapshots.help(found.snapshots.values().iterator().next()));
    } else if (kinds.contains(PointKind.SNAPSHOT)) {
      // a sum or count that dropped the key: naming it is the fix that keeps the aggregate monotone
      found.snapshots.values().stream().filter(s -> s.fix() == calm.analysis.LatticeReads.Fix.KEY).findFirst()
          .ifPresent(s -> help.add(0, snapshots.help(s).get(0)));
    }
    if (kinds.contains(PointKind.DELETION)) {
      help.add(
          "deletion cannot be sealed: keep the events in a table that only grows (a log) and derive the"
              + " current state from it");
    }
    help.add(
        "if the deployment already coordinates here, acknowledge it with @coordinated(\"why\") before"
            + " the rule");
    return help;
  }

  /**
   * Seal the relation by a key; an event first goes into a table, since a seal on an event covers
   * nothing (its earlier facts are gone when the guard arrives).
   */
  private String sealAdvice(String relation) {
    if (events.isEvent(relation)) {
      return "persist `" + relation + "` in a table `" + relation + "_log` and seal that table by a key (`seal "
          + sealPattern(relation).replaceFirst("\\(", "_log(") + " by done(K).`), reading the table here";
    }
    return "seal `" + relation + "` by a key (`seal " + sealPattern(relation) + " by done(K).`)";
  }

  /** The pattern of a seal keyed by the first column that is not a channel's destination. */
  private String sealPattern(String relation) {
    Declaration declaration = schema.get(relation);
    int location = declaration.locationColumn().orElse(-1);
    int key = location == 0 ? (declaration.arity() > 1 ? 1 : -1) : 0;
    StringBuilder s = new StringBuilder(relation).append('(');
    for (int i = 0; i < declaration.arity(); i++) {
      s.append(i == 0 ? "" : ", ").append(i == key ? "K" : "_");
    }
    return s.append(')').toString();
  }

  static String sealText(Seal seal) {
    return "`seal " + atomText(seal.sealed()) + " by " + atomText(seal.guard()) + "` (line "
        + seal.span().line() + ")";
  }

  private static String atomText(Atom atom) {
    return atom.relation().text()
        + atom.arguments().stream().map(Object::toString).collect(Collectors.joining(", ", "(", ")"));
  }

  private static Set<String> outputsOf(Schema schema, RelationIndex index) {
    Set<String> declared = new LinkedHashSet<>();
    for (Declaration d : schema.declarations()) {
      if (d.output()) {
        declared.add(d.name().text());
      }
    }
    if (!declared.isEmpty()) {
      return declared;
    }
    Set<String> unread = new LinkedHashSet<>();
    for (int r = 0; r < index.size(); r++) {
      if (index.outgoing(r).length == 0) {
        unread.add(index.name(r));
      }
    }
    return unread;
  }
}
