package calm.eval.explore;

import calm.analysis.CheckedProgram;
import calm.eval.CompiledProgram;
import calm.eval.ConstraintViolation;
import calm.eval.GroundFact;
import calm.eval.NodeStates;
import calm.eval.Relation;
import calm.eval.Run;
import calm.eval.RunError;
import calm.eval.RunLimits;
import calm.eval.RunObserver;
import calm.eval.Scenario;
import calm.eval.SealViolation;
import calm.eval.World;
import calm.syntax.Program;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs one compiled program under one schedule after another. The engine's plans keep scratch
 * buffers, so each thread has its own worker; every worker compiles the same program the same way,
 * so encoded facts and keys agree between workers.
 */
final class Worker {
  private final CompiledProgram program;
  private final World world;
  private final RunLimits limits;
  private final List<Relation> outputs;
  /** The outputs, then the heads of snapshot reads (§11): what a run's record holds, in this order. */
  private final List<Relation> watched;
  private final SealOrder sealOrder;
  private final int constraints;
  /** What this worker's runs reuse: the last run's node states, emptied. */
  private final NodeStates states = new NodeStates();
  /** What this worker's explored runs reuse: the schedule's slots, and per watched relation two fact sets. */
  private final ScheduledDelivery.Slots slots = new ScheduledDelivery.Slots();
  private final FactSet[] lastSeen;
  private final FactSet[] everSeen;
  /** Per watched relation, whether it is a lattice (asked after every run). */
  private final boolean[] lattice;

  Worker(CheckedProgram source, Scenario scenario, RunLimits limits, boolean keepSeals, List<SnapshotReads> snapshots) {
    this(CompiledProgram.compile(source), scenario, limits, keepSeals, snapshots);
  }

  /** A worker on {@code program}, compiled from the checked program and used by this worker's thread alone. */
  Worker(CompiledProgram program, Scenario scenario, RunLimits limits, boolean keepSeals, List<SnapshotReads> snapshots) {
    this.program = program;
    this.world = World.of(program, scenario, Map.of());
    this.limits = limits;
    this.outputs = program.outputs();
    List<Relation> all = new ArrayList<>(outputs);
    for (SnapshotReads s : snapshots) {
      all.add(program.lookup(s.relation()).orElseThrow());
    }
    this.watched = List.copyOf(all);
    this.sealOrder = keepSeals ? SealOrder.of(program) : SealOrder.NONE;
    this.constraints = program.constraintSources().size();
    this.lastSeen = new FactSet[watched.size()];
    this.everSeen = new FactSet[watched.size()];
    this.lattice = new boolean[watched.size()];
    for (int o = 0; o < watched.size(); o++) {
      lastSeen[o] = new FactSet(watched.get(o).arity());
      everSeen[o] = new FactSet(watched.get(o).arity());
      lattice[o] = watched.get(o).isLattice();
    }
  }

  List<Relation> outputs() {
    return outputs;
  }

  /** The outputs, then the heads of snapshot reads: the indexes of a run record's outcomes. */
  List<Relation> watched() {
    return watched;
  }

  CompiledProgram program() {
    return program;
  }

  /** How many input events the schedule places: those without a tick of their own. */
  static int inputsToPlace(Program source, Scenario scenario) {
    Set<String> inputs = new HashSet<>();
    for (var d : source.declarations()) {
      if (d.kind() == calm.syntax.RelationKind.INPUT) {
        inputs.add(d.name().text());
      }
    }
    int n = (int) scenario.inputs().stream().filter(e -> e.tick() == Scenario.ANY_TICK).count();
    for (var f : source.facts()) {
      if (inputs.contains(f.relation().text())) {
        n += scenario.placementOf(f.relation().text()).size();
      }
    }
    return n;
  }

  RunRecord run(Schedule schedule, boolean record) {
    return run(schedule, record, -1);
  }

  /** As {@link #run(Schedule, boolean)}; a recorded timeline also shows watched relation {@code also}. */
  RunRecord run(Schedule schedule, boolean record, int also) {
    ScheduledDelivery delivery = new ScheduledDelivery(schedule, record, sealOrder);
    boolean shown = also < 0 || outputs.contains(watched.get(also)); // an output's changes are shown anyway
    FactSet[] seen = new FactSet[watched.size()];
    FactSet[] last = new FactSet[watched.size()];
    for (int o = 0; o < watched.size(); o++) {
      seen[o] = new FactSet(watched.get(o).arity());
      last[o] = new FactSet(watched.get(o).arity());
    }
    return run(delivery, new Watcher(record, shown ? -1 : also, seen), last);
  }

  /**
   * One run of an exploration: as {@link #run(Schedule, boolean)} without a timeline, and without the
   * envelopes met (only a shown or shrunk run needs them), on this worker's reused buffers.
   */
  RunRecord explore(Schedule schedule) {
    for (int o = 0; o < watched.size(); o++) {
      everSeen[o].clear();
      lastSeen[o].clear();
    }
    return run(new ScheduledDelivery(schedule, false, sealOrder, slots, false), new Watcher(false, -1, everSeen),
        lastSeen);
  }

  private RunRecord run(ScheduledDelivery delivery, Watcher watcher, FactSet[] last) {
    Run run = new Run(program, world, limits, delivery, watcher, states);
    String error = null;
    boolean ended = false;
    try {
      run.rest(); // to quiescence, then a tick with no arrivals: final outcomes are the state at rest
      ended = true;
    } catch (RunError e) {
      error = "stopped at tick " + run.tick() + ": " + e.getMessage()
          + e.span().map(s -> " (rule at line " + s.line() + ":" + s.column() + ")").orElse("");
    }
    List<EncodedOutcome> observed = new ArrayList<>(watched.size());
    List<EncodedOutcome> finals = new ArrayList<>(watched.size());
    for (int o = 0; o < watched.size(); o++) {
      watcher.collect(run, watched.get(o).id(), last[o]);
      EncodedOutcome end = last[o].outcome();
      // a lattice output's observers see lower bounds ("at least v"), which the final value never
      // contradicts, so what was observed is judged by the final values (§11 Keyed tables, lattices and extern tables)
      observed.add(lattice[o] ? end : watcher.observed[o].outcome());
      finals.add(end);
    }
    List<TimelineTick> timeline = watcher.record ? watcher.timeline(run, delivery.arrivals()) : List.of();
    SealViolation violation = run.sealViolations().isEmpty() ? null : run.sealViolations().get(0);
    ConstraintViolation[] firstViolations = new ConstraintViolation[constraints];
    for (ConstraintViolation v : run.constraintViolations()) {
      int c = constraintIndex(v);
      if (firstViolations[c] == null) {
        firstViolations[c] = v;
      }
    }
    // the record is built from the run's states: only now may the next run empty them
    states.runEnded(ended);
    List<ScheduledDelivery.Met> met = delivery.met == null ? List.of() : delivery.met;
    return new RunRecord(observed, finals, violation, error, met, timeline, firstViolations);
  }

  private int constraintIndex(ConstraintViolation v) {
    List<calm.syntax.Constraint> all = program.constraintSources();
    for (int c = 0; c < all.size(); c++) {
      if (all.get(c) == v.constraint()) {
        return c;
      }
    }
    throw new IllegalStateException("a violation of a constraint the program does not check");
  }

  private Set<Row> current(Run run, int output) {
    Set<Row> rows = new HashSet<>();
    int id = watched.get(output).id();
    for (int n = 0; n < run.nodeCount(); n++) {
      int node = n;
      run.forEachFact(node, id, f -> rows.add(new Row(node, f)));
    }
    return rows;
  }

  /** An outcome of output number {@code output}, decoded to show. */
  Outcome decode(int output, EncodedOutcome encoded) {
    List<OutputFact> facts = new ArrayList<>(encoded.size());
    for (int row = 0; row < encoded.size(); row++) {
      facts.add(new OutputFact(world.nodes().get(encoded.node(row)), describe(watched.get(output), encoded.values(row))));
    }
    return new Outcome(facts);
  }

  String describe(Relation r, long[] tuple) {
    return GroundFact.decode(r, tuple, program.strings()).toString();
  }

  /** Collects what every output held after every fixpoint and records changes (the run checks the seals). */
  private final class Watcher implements RunObserver, java.util.function.Consumer<long[]> {
    final FactSet[] observed;
    final List<Set<Row>> previous = new ArrayList<>();
    final Map<Integer, List<TimelineEvent>> changes = new LinkedHashMap<>();
    final boolean record;
    final int also;

    /** Where {@link #accept} adds the facts {@link Run#forEachFact} hands it, and at which node. */
    private FactSet into;
    private int node;
    /**
     * Per watched relation and node, the {@link Run#factsVersion} whose facts {@link #observed} already
     * holds (-1: none yet): facts that did not change since are not added again (most ticks change
     * no output at most nodes).
     */
    private long[][] seenVersions;

    Watcher(boolean record, int also, FactSet[] observed) {
      this.record = record;
      this.also = also;
      this.observed = observed;
      if (record) {
        for (int o = 0; o < watched.size(); o++) {
          previous.add(new HashSet<>());
        }
      }
    }

    /** Adds every node's facts of relation {@code id} to {@code set}. */
    void collect(Run run, int id, FactSet set) {
      into = set;
      for (int n = 0; n < run.nodeCount(); n++) {
        node = n;
        run.forEachFact(n, id, this);
      }
    }

    /** As {@link #collect}, but only at the nodes where the relation changed since the last time. */
    private void collectChanged(Run run, int o, int id, FactSet set) {
      if (seenVersions == null) {
        seenVersions = new long[watched.size()][run.nodeCount()];
        for (long[] versions : seenVersions) {
          java.util.Arrays.fill(versions, -1);
        }
      }
      long[] versions = seenVersions[o];
      into = set;
      for (int n = 0; n < versions.length; n++) {
        long version = run.factsVersion(n, id);
        if (version != versions[n]) {
          versions[n] = version;
          node = n;
          run.forEachFact(n, id, this);
        }
      }
    }

    @Override
    public void accept(long[] fact) {
      into.add(node, fact);
    }

    @Override
    public void afterFixpoint(Run run, int tick) {
      for (int o = 0; o < watched.size(); o++) {
        FactSet seen = observed[o];
        int id = watched.get(o).id();
        if (!record || (o >= outputs.size() && o != also)) { // timelines show the outputs
          collectChanged(run, o, id, seen);
          continue;
        }
        Set<Row> now = current(run, o);
        now.forEach(r -> seen.add(r.node, r.values));
        Set<Row> before = previous.get(o);
        for (Row r : now) {
          if (!before.contains(r)) {
            change(tick, TimelineEvent.Kind.APPEARED, run, o, r);
          }
        }
        for (Row r : before) {
          if (!now.contains(r)) {
            change(tick, TimelineEvent.Kind.RETRACTED, run, o, r);
          }
        }
        previous.set(o, now);
      }
    }

    private void change(int tick, TimelineEvent.Kind kind, Run run, int output, Row r) {
      changes.computeIfAbsent(tick, t -> new ArrayList<>()).add(new TimelineEvent(
          kind, run.nodes().get(r.node), describe(watched.get(output), r.values), null, 0, false));
    }

    List<TimelineTick> timeline(Run run, List<ScheduledDelivery.Arrival> arrivals) {
      Map<Integer, List<TimelineEvent>> byTick = new java.util.TreeMap<>();
      for (ScheduledDelivery.Arrival a : arrivals) {
        var e = a.envelope();
        TimelineEvent.Kind kind = e.input() ? TimelineEvent.Kind.INPUT
            : a.duplicate() ? TimelineEvent.Kind.DUPLICATE : TimelineEvent.Kind.MESSAGE;
        byTick.computeIfAbsent(a.tick(), t -> new ArrayList<>()).add(new TimelineEvent(
            kind, e.node(), describe(e.relation(), e.tuple()), e.from(), a.key(), false));
      }
      java.util.Comparator<TimelineEvent> order = java.util.Comparator.comparing(TimelineEvent::kind)
          .thenComparing(TimelineEvent::node).thenComparing(TimelineEvent::fact);
      changes.forEach((tick, events) -> byTick.computeIfAbsent(tick, t -> new ArrayList<>())
          .addAll(events.stream().sorted(order).toList()));
      List<TimelineTick> ticks = new ArrayList<>();
      byTick.forEach((tick, events) -> ticks.add(new TimelineTick(tick, events)));
      return ticks;
    }
  }
}
