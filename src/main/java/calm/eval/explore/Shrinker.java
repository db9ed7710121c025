package calm.eval.explore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shrinks two schedules under which an output differs, as property-testing tools shrink a
 * counterexample: a schedule is the list of its non-prompt choices (a delay, a duplicate, an input's
 * arrival tick), and the shrinker drops choices — first a whole side, then halves, quarters, ... single
 * choices — for as long as the output still differs. What is left is a {@link MaskedSchedule} per
 * side, replayable from its token. Deterministic: it only runs schedules, in a fixed order.
 */
final class Shrinker {
  /** Shrinking stops trying (keeping what it has) after this many runs. */
  static final int BUDGET = 4_000;

  private final Explorer explorer;
  private final Worker worker;
  private final int output;
  private final OutcomeKind kind;
  private final Goal goal;
  private final Map<String, RunRecord> cache = new HashMap<>();
  private int runs;

  /** What must stay true of the two sides' runs while choices are dropped. */
  interface Goal {
    boolean holds(RunRecord a, RunRecord b);
  }

  /** A shrinker for two schedules under which output number {@code output} differs. */
  Shrinker(Explorer explorer, int output, OutcomeKind kind) {
    this(explorer, output, kind,
        (a, b) -> a.comparable() && b.comparable() && !kind.of(a, output).equals(kind.of(b, output)));
  }

  /**
   * A shrinker for a schedule that violates constraint number {@code constraint} (§12 Integrity constraints) and one that does
   * not; neither may stop with an error.
   */
  static Shrinker forConstraint(Explorer explorer, int constraint) {
    return new Shrinker(explorer, -1, null,
        (a, b) -> a.error() == null && b.error() == null && a.violated(constraint) && !b.violated(constraint));
  }

  private Shrinker(Explorer explorer, int output, OutcomeKind kind, Goal goal) {
    this.explorer = explorer;
    this.worker = explorer.worker();
    this.output = output;
    this.kind = kind;
    this.goal = goal;
  }

  /**
   * A side being shrunk: the seed's schedule, the numbers (1-based, in meeting order) of kept choices,
   * and those of them whose duplicate delivery was dropped.
   */
  private record Side(
      RandomSchedule base, List<ScheduledDelivery.Met> met, List<Integer> kept, Set<Integer> delayOnly) {
    MaskedSchedule schedule() {
      Map<Long, Boolean> keys = new HashMap<>();
      Map<Integer, Boolean> numbers = new HashMap<>();
      for (int n : kept) {
        keys.put(met.get(n - 1).key(), !delayOnly.contains(n));
        numbers.put(n, !delayOnly.contains(n));
      }
      return new MaskedSchedule(base, keys, numbers);
    }

    Side keep(List<Integer> numbers) {
      return new Side(base, met, List.copyOf(numbers), delayOnly);
    }

    Side withoutDuplicate(int number) {
      Set<Integer> d = new HashSet<>(delayOnly);
      d.add(number);
      return new Side(base, met, kept, Set.copyOf(d));
    }

    boolean duplicates(int number) {
      return met.get(number - 1).decision().duplicates() && !delayOnly.contains(number);
    }

    boolean delays(int number) {
      return met.get(number - 1).decision().delay() > 0;
    }
  }

  Witness witness(int runA, long seedA, int runB, long seedB) {
    Side[] sides = shrink(seedA, seedB);
    return build(runA, sides[0], runB, sides[1]);
  }

  /** Shrinks a violating schedule (A) and one that keeps the constraint (B), and shows them. */
  ConstraintWitness constraintWitness(int constraint, int runA, long seedA, int runB, long seedB) {
    Side[] sides = shrink(seedA, seedB);
    MaskedSchedule sa = sides[0].schedule();
    MaskedSchedule sb = sides[1].schedule();
    RunRecord ra = worker.run(sa, true);
    RunRecord rb = worker.run(sb, true);
    Set<Long> differing = new HashSet<>();
    List<DeliveryDifference> differences = differences(ra, rb, differing);
    Outcome none = new Outcome(List.of());
    return new ConstraintWitness(
        ra.firstViolations()[constraint],
        new ScheduleSide(runA, sa.base().token(), sa.token(), none, List.of(), deliveries(ra.timeline(), differing)),
        new ScheduleSide(runB, sb.base().token(), sb.token(), none, List.of(), deliveries(rb.timeline(), differing)),
        differences,
        runs);
  }

  private Side[] shrink(long seedA, long seedB) {
    Side a = side(seedA);
    Side b = side(seedB);
    if (differs(a, b.keep(List.of()))) {
      b = b.keep(List.of());
    } else if (differs(a.keep(List.of()), b)) {
      a = a.keep(List.of());
    }
    for (int round = 0; round < 2; round++) {
      a = minimize(a, b, true);
      b = minimize(b, a, false);
    }
    a = dropDuplicates(a, b, true);
    b = dropDuplicates(b, a, false);
    return new Side[] {a, b};
  }

  private Side side(long seed) {
    RandomSchedule base = explorer.schedule(seed);
    List<ScheduledDelivery.Met> met = worker.run(base, false).met();
    runs++;
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < met.size(); i++) {
      if (!met.get(i).decision().isPrompt()) {
        kept.add(i + 1);
      }
    }
    return new Side(base, met, kept, Set.of());
  }

  /** A kept choice that delays and duplicates may need only the delay: try dropping the duplicate. */
  private Side dropDuplicates(Side side, Side other, boolean sideIsA) {
    for (int n : side.kept()) {
      if (runs < BUDGET && side.duplicates(n) && side.delays(n)) {
        Side c = side.withoutDuplicate(n);
        if (sideIsA ? differs(c, other) : differs(other, c)) {
          side = c;
        }
      }
    }
    return side;
  }

  /** Drops chunks of {@code side}'s choices, largest first, while the output still differs. */
  private Side minimize(Side side, Side other, boolean sideIsA) {
    List<Integer> kept = new ArrayList<>(side.kept());
    int chunk = Math.max(1, kept.size() / 2);
    while (!kept.isEmpty()) {
      boolean dropped = false;
      for (int i = 0; i < kept.size() && runs < BUDGET; ) {
        List<Integer> candidate = new ArrayList<>(kept.subList(0, i));
        candidate.addAll(kept.subList(Math.min(kept.size(), i + chunk), kept.size()));
        Side c = side.keep(candidate);
        if (sideIsA ? differs(c, other) : differs(other, c)) {
          kept = candidate;
          dropped = true;
        } else {
          i += chunk;
        }
      }
      if (runs >= BUDGET || (!dropped && chunk == 1)) {
        break;
      }
      if (!dropped) {
        chunk = Math.max(1, chunk / 2);
      }
    }
    return side.keep(kept);
  }

  private boolean differs(Side a, Side b) {
    return goal.holds(run(a.schedule()), run(b.schedule()));
  }

  private RunRecord run(Schedule s) {
    return cache.computeIfAbsent(s.token(), t -> {
      runs++;
      return worker.run(s, false);
    });
  }

  private Witness build(int runA, Side a, int runB, Side b) {
    MaskedSchedule sa = a.schedule();
    MaskedSchedule sb = b.schedule();
    RunRecord ra = worker.run(sa, true, output);
    RunRecord rb = worker.run(sb, true, output);
    Outcome oa = worker.decode(output, kind.of(ra, output));
    Outcome ob = worker.decode(output, kind.of(rb, output));
    List<OutputFact> onlyA = oa.minus(ob);
    List<OutputFact> onlyB = ob.minus(oa);
    Set<Long> differing = new HashSet<>();
    List<DeliveryDifference> differences = differences(ra, rb, differing);
    String relation = worker.watched().get(output).name();
    Set<OutputFact> marked = new HashSet<>(onlyA);
    marked.addAll(onlyB);
    return new Witness(relation, kind,
        new ScheduleSide(runA, sa.base().token(), sa.token(), oa, onlyA, mark(ra.timeline(), relation, differing, marked)),
        new ScheduleSide(runB, sb.base().token(), sb.token(), ob, onlyB, mark(rb.timeline(), relation, differing, marked)),
        differences, runs);
  }

  /** The deliveries the two runs decided differently; their keys go into {@code differing}. */
  private List<DeliveryDifference> differences(RunRecord ra, RunRecord rb, Set<Long> differing) {
    Map<Long, ScheduledDelivery.Met> metA = byKey(ra.met());
    Map<Long, ScheduledDelivery.Met> metB = byKey(rb.met());
    List<DeliveryDifference> differences = new ArrayList<>();
    Map<Long, ScheduledDelivery.Met> all = new LinkedHashMap<>(metA);
    metB.forEach(all::putIfAbsent);
    for (Map.Entry<Long, ScheduledDelivery.Met> e : all.entrySet()) {
      ScheduledDelivery.Met x = metA.get(e.getKey());
      ScheduledDelivery.Met y = metB.get(e.getKey());
      Decision dx = x == null ? null : x.decision();
      Decision dy = y == null ? null : y.decision();
      boolean differs = x != null && y != null ? !dx.equals(dy) : !(x != null ? dx : dy).isPrompt();
      if (differs) {
        ScheduledDelivery.Met m = e.getValue();
        differing.add(e.getKey());
        differences.add(new DeliveryDifference(
            worker.describe(m.envelope().relation(), m.envelope().tuple()), Explorer.route(m),
            x == null ? "not sent" : dx.describe(m.input()), y == null ? "not sent" : dy.describe(m.input())));
      }
    }
    return differences;
  }

  /** A run's deliveries alone, those that make the difference marked. */
  private static List<TimelineTick> deliveries(List<TimelineTick> timeline, Set<Long> differing) {
    return mark(timeline, null, differing, Set.of());
  }

  private static Map<Long, ScheduledDelivery.Met> byKey(List<ScheduledDelivery.Met> met) {
    Map<Long, ScheduledDelivery.Met> m = new LinkedHashMap<>();
    met.forEach(x -> m.putIfAbsent(x.key(), x));
    return m;
  }

  /**
   * Keeps the deliveries and the witness output's changes (none when {@code relation} is null), marking
   * what makes the difference.
   */
  private static List<TimelineTick> mark(
      List<TimelineTick> timeline, String relation, Set<Long> differing, Set<OutputFact> facts) {
    List<TimelineTick> out = new ArrayList<>();
    for (TimelineTick t : timeline) {
      List<TimelineEvent> events = new ArrayList<>();
      for (TimelineEvent e : t.events()) {
        if (e.isDelivery()) {
          events.add(e.mark(differing.contains(e.key())));
        } else if (relation != null && e.fact().startsWith(relation + "(")) {
          events.add(e.mark(facts.contains(new OutputFact(e.node(), e.fact()))));
        }
      }
      if (!events.isEmpty()) {
        out.add(new TimelineTick(t.tick(), events));
      }
    }
    return out;
  }
}
