package calm.eval.explore;

import calm.analysis.calm.ConstraintVerdict;
import calm.analysis.calm.Verdict;
import calm.syntax.Constraint;
import calm.source.Span;
import calm.eval.Scenario;
import calm.analysis.CheckedProgram;
import calm.eval.CompiledProgram;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a program under many seeded schedules, in parallel, and compares its outputs (§9 The explorer). Run
 * {@code i} uses {@link Seeds#runSeed}{@code (seed, i)}; results are merged in run order, so they do
 * not depend on the number of threads. Compiles the program once per thread (the caller's thread
 * works too, on the caller's compilation when it hands one over), then runs it many times.
 */
public final class Explorer {
  private final CheckedProgram source;
  private final Scenario scenario;
  private final ExploreSettings settings;
  private final int inputWindow;
  private final ThreadLocal<Worker> workers;
  private final List<SnapshotReads> snapshots;

  /**
   * @throws IllegalArgumentException when the scenario does not fit the program
   */
  public Explorer(CheckedProgram source, Scenario scenario, ExploreSettings settings) {
    this(source, null, scenario, settings);
  }

  /**
   * As above, with the caller's own compilation of {@code source}: the caller's thread explores on it
   * rather than compiling the program again (compiling a large program takes longer than a thousand
   * schedules). The plans keep scratch buffers, so the caller must not use it from another thread.
   *
   * @throws IllegalArgumentException when the scenario does not fit the program
   */
  public Explorer(CheckedProgram source, CompiledProgram compiled, Scenario scenario, ExploreSettings settings) {
    this.source = source;
    this.scenario = scenario;
    this.settings = settings;
    this.inputWindow = Math.max(1, Worker.inputsToPlace(source.program(), scenario));
    this.snapshots = SnapshotReads.of(source);
    this.workers = ThreadLocal.withInitial(
        () -> new Worker(source, scenario, settings.limits(), !settings.breakSeals(), snapshots));
    if (compiled != null) {
      workers.set(new Worker(compiled, scenario, settings.limits(), !settings.breakSeals(), snapshots));
    }
    workers.get(); // fails here, in the caller's thread, if the program or scenario is wrong
  }

  RandomSchedule schedule(long runSeed) {
    return new RandomSchedule(runSeed, settings.maxDelay(), inputWindow);
  }

  Worker worker() {
    return workers.get();
  }

  /** Explores runs {@code 0..runs-1}; {@code verdicts} maps output relations to the analysis's verdict. */
  public Exploration explore(int runs, long seed, Map<String, Verdict> verdicts) {
    return explore(runs, seed, verdicts, Map.of(), true);
  }

  /**
   * As {@link #explore(int, long, Map)}; without {@code witnesses}, outcomes are only counted, and no
   * differing output or constraint is shrunk to a witness (a campaign over many programs wants the counts).
   */
  public Exploration explore(int runs, long seed, Map<String, Verdict> verdicts, boolean witnesses) {
    return explore(runs, seed, verdicts, Map.of(), witnesses);
  }

  /**
   * Explores as above; {@code constraintVerdicts} maps each constraint's {@code :-} span to the
   * analysis's verdict on it (§12 Integrity constraints).
   */
  public Exploration explore(
      int runs, long seed, Map<String, Verdict> verdicts, Map<Span, ConstraintVerdict.Kind> constraintVerdicts) {
    return explore(runs, seed, verdicts, constraintVerdicts, true);
  }

  private Exploration explore(int runs, long seed, Map<String, Verdict> verdicts,
      Map<Span, ConstraintVerdict.Kind> constraintVerdicts, boolean witnesses) {
    List<Constraint> constraints = worker().program().constraintSources();
    List<String> outputs = worker().outputs().stream().map(calm.eval.Relation::name).toList();
    RunTally tally = runAll(runs, seed);
    RunFailure failure = tally.failedRun < 0 ? null
        : new RunFailure(tally.failedRun, Seeds.format(Seeds.runSeed(seed, tally.failedRun)), tally.failure);
    List<OutputFinding> findings = new ArrayList<>();
    for (int o = 0; o < outputs.size(); o++) {
      int finals = tally.finals.get(o).size();
      int observed = tally.observed.get(o).size();
      Optional<Witness> witness = Optional.empty();
      if (witnesses && (finals > 1 || observed > 1)) {
        OutcomeKind kind = finals > 1 ? OutcomeKind.FINAL : OutcomeKind.OBSERVED;
        int[] pair = tally.firstTwo(o, kind);
        witness = Optional.of(new Shrinker(this, o, kind)
            .witness(pair[0], Seeds.runSeed(seed, pair[0]), pair[1], Seeds.runSeed(seed, pair[1])));
      }
      findings.add(new OutputFinding(outputs.get(o), Optional.ofNullable(verdicts.get(outputs.get(o))),
          observed, finals, witness));
    }
    List<SnapshotFinding> snapshotFindings = new ArrayList<>();
    for (int s = 0; s < snapshots.size(); s++) {
      int o = outputs.size() + s;
      int observed = tally.observed.get(o).size();
      Optional<Witness> witness = Optional.empty();
      if (witnesses && observed > 1) {
        int[] pair = tally.firstTwo(o, OutcomeKind.OBSERVED);
        witness = Optional.of(new Shrinker(this, o, OutcomeKind.OBSERVED)
            .witness(pair[0], Seeds.runSeed(seed, pair[0]), pair[1], Seeds.runSeed(seed, pair[1])));
      }
      snapshotFindings.add(new SnapshotFinding(snapshots.get(s).relation(), snapshots.get(s).line(),
          observed, witness));
    }
    List<ConstraintFinding> constraintFindings = new ArrayList<>();
    for (int c = 0; c < constraints.size(); c++) {
      RunTally.ConstraintTally t = tally.constraints[c];
      Optional<ConstraintWitness> witness = Optional.empty();
      if (witnesses && t.firstViolating >= 0 && t.firstKept >= 0) {
        witness = Optional.of(Shrinker.forConstraint(this, c).constraintWitness(c,
            t.firstViolating, Seeds.runSeed(seed, t.firstViolating), t.firstKept, Seeds.runSeed(seed, t.firstKept)));
      }
      Constraint constraint = constraints.get(c);
      constraintFindings.add(new ConstraintFinding(constraint,
          Optional.ofNullable(constraintVerdicts.get(constraint.turnstile())), t.violated, t.runs,
          t.violatedKeepingSeals, t.runsKeepingSeals, witness));
    }
    return new Exploration(runs, seed, tally.completed, tally.violations, tally.breaks, findings,
        Optional.ofNullable(failure), tally.errorRuns, constraintFindings, snapshotFindings);
  }

  /**
   * Runs {@code 0..runs-1} on every thread at once, each thread taking the next run number as it
   * finishes one and tallying its own runs; the tallies merge when all are done. No thread waits for
   * another before then, so a slow or descheduled thread holds nobody up.
   */
  private RunTally runAll(int runs, long seed) {
    int threads = Math.max(1, Math.min(settings.threads(), runs));
    int watched = worker().watched().size();
    int constraints = worker().program().constraintSources().size();
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    java.util.function.Supplier<RunTally> task = () -> {
      RunTally tally = new RunTally(watched, constraints);
      Worker w = worker();
      try {
        for (int i = next.getAndIncrement(); i < runs && !stop.get(); i = next.getAndIncrement()) {
          if (Thread.currentThread().isInterrupted()) { // cancelled (the playground's time limit): stop now
            throw new IllegalStateException("exploration interrupted");
          }
          long runSeed = Seeds.runSeed(seed, i);
          tally.add(i, runSeed, w.explore(schedule(runSeed)));
        }
      } catch (RuntimeException | Error e) {
        stop.set(true); // the others stop too: the exploration fails as a whole
        throw e;
      }
      return tally;
    };
    if (threads == 1) {
      return task.get();
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads - 1, r -> {
      Thread t = new Thread(null, r, "calm-explore", 64L * 1024 * 1024);
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<RunTally>> futures = new ArrayList<>();
      for (int t = 1; t < threads; t++) {
        futures.add(pool.submit(task::get));
      }
      RunTally total;
      try {
        total = task.get(); // the caller's thread is one of the threads, with the worker it already has
      } catch (RuntimeException | Error e) {
        awaitQuietly(futures);
        throw e;
      }
      for (Future<RunTally> f : futures) {
        total.merge(result(f));
      }
      return total;
    } finally {
      pool.shutdownNow();
    }
  }

  private static RunTally result(Future<RunTally> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("exploration interrupted", e);
    } catch (ExecutionException e) {
      // as if the run had failed on this thread: an out-of-memory error gets the same clear message
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    }
  }

  /** Waits for the other threads to stop after the caller's failed (theirs would only repeat it). */
  private static void awaitQuietly(List<Future<RunTally>> futures) {
    for (Future<RunTally> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException ignored) {
        // the caller's own failure is the one reported
      }
    }
  }

  /**
   * Runs one schedule again, to show it: a run seed ({@code 5e1f...}) or a shrunk schedule
   * ({@code 5e1f...:2,7}, {@code 5e1f...:none}) as a witness prints it.
   *
   * @throws IllegalArgumentException when the token is malformed
   */
  public Replay replay(String token) {
    Schedule schedule = parse(token);
    Worker w = worker();
    RunRecord r = w.run(schedule, true);
    // choices are numbered by the seed's full run, as tokens number them
    RandomSchedule base = schedule instanceof MaskedSchedule m ? m.base() : (RandomSchedule) schedule;
    List<ScheduledDelivery.Met> full = schedule == base ? r.met() : w.run(base, false).met();
    Map<Long, Integer> numbers = new java.util.HashMap<>();
    for (int i = 0; i < full.size(); i++) {
      numbers.putIfAbsent(full.get(i).key(), i + 1);
    }
    List<Replay.Choice> choices = new ArrayList<>();
    for (ScheduledDelivery.Met m : r.met()) {
      if (!m.decision().isPrompt()) {
        choices.add(new Replay.Choice(numbers.getOrDefault(m.key(), 0),
            w.describe(m.envelope().relation(), m.envelope().tuple()), route(m),
            m.decision().describe(m.input())));
      }
    }
    List<Replay.ReplayedOutput> outs = new ArrayList<>();
    for (int o = 0; o < w.outputs().size(); o++) {
      outs.add(new Replay.ReplayedOutput(w.outputs().get(o).name(), w.decode(o, r.observed().get(o)),
          w.decode(o, r.finals().get(o))));
    }
    return new Replay(schedule.token(), choices, r.timeline(), outs, Optional.ofNullable(r.violation()),
        Optional.ofNullable(r.error()),
        java.util.Arrays.stream(r.firstViolations()).filter(java.util.Objects::nonNull).toList());
  }

  static String route(ScheduledDelivery.Met m) {
    return m.input() ? "input at " + m.envelope().node() : m.envelope().from() + " -> " + m.envelope().node();
  }

  Schedule parse(String token) {
    String t = token.trim();
    int colon = t.indexOf(':');
    long seed;
    try {
      seed = Seeds.parse(colon < 0 ? t : t.substring(0, colon));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--replay: " + e.getMessage()
          + "; expected a run seed as a witness prints it, e.g. 5e1f3a9c0b2d4e6f or 5e1f3a9c0b2d4e6f:2,7");
    }
    RandomSchedule base = schedule(seed);
    if (colon < 0) {
      return base;
    }
    String list = t.substring(colon + 1);
    Map<Integer, Boolean> numbers = new LinkedHashMap<>();
    if (!list.equals("none")) {
      for (String n : list.split(",")) {
        String entry = n.trim();
        boolean delayOnly = entry.endsWith("d");
        try {
          numbers.put(Integer.parseInt(delayOnly ? entry.substring(0, entry.length() - 1) : entry), !delayOnly);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("--replay: '" + n + "' in '" + token
              + "' is not a choice; after ':' come the numbers of the kept choices (3, or 3d for its delay"
              + " without its duplicate), or 'none'");
        }
      }
    }
    List<ScheduledDelivery.Met> met = worker().run(base, false).met();
    Map<Long, Boolean> keys = new java.util.HashMap<>();
    for (Map.Entry<Integer, Boolean> e : numbers.entrySet()) {
      int n = e.getKey();
      if (n < 1 || n > met.size()) {
        throw new IllegalArgumentException("--replay: choice " + n + " does not exist; seed "
            + Seeds.format(seed) + " makes " + met.size() + " choices");
      }
      keys.put(met.get(n - 1).key(), e.getValue());
    }
    return new MaskedSchedule(base, keys, numbers);
  }
}
