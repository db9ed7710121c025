package calm.eval.explore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What some of an exploration's runs showed, tallied by the thread that ran them, with each finding
 * remembered by the lowest run number that showed it. Tallies of any split of the runs merge into
 * the same result (counts add up, lowest numbers win), so an exploration's result does not depend
 * on how many threads ran it or which thread ran which run — and no thread waits for another until
 * all runs are done.
 */
final class RunTally {
  private static final int SEAL_BREAKS_KEPT = 5;

  /** Per watched relation (outputs, then snapshot heads): each distinct outcome, with its lowest run. */
  final List<Map<EncodedOutcome, Integer>> observed = new ArrayList<>();
  final List<Map<EncodedOutcome, Integer>> finals = new ArrayList<>();
  final ConstraintTally[] constraints;
  int completed;
  int errorRuns;
  int violations;
  /** The lowest-numbered run stopped by an error, or -1. */
  int failedRun = -1;
  String failure;
  /** The lowest-numbered seal-breaking runs, in run order (at most {@link #SEAL_BREAKS_KEPT}). */
  final List<SealBreak> breaks = new ArrayList<>();

  RunTally(int watched, int constraints) {
    for (int o = 0; o < watched; o++) {
      observed.add(new HashMap<>());
      finals.add(new HashMap<>());
    }
    this.constraints = new ConstraintTally[constraints];
    for (int c = 0; c < constraints; c++) {
      this.constraints[c] = new ConstraintTally();
    }
  }

  /** Counts run number {@code run} (a thread adds its runs in increasing order). */
  void add(int run, long runSeed, RunRecord r) {
    completed++;
    if (r.error() != null) {
      errorRuns++;
      if (failedRun < 0) {
        failedRun = run;
        failure = r.error();
      }
      return;
    }
    for (int c = 0; c < constraints.length; c++) {
      constraints[c].add(run, r, c);
    }
    if (r.violation() != null) {
      violations++;
      if (breaks.size() < SEAL_BREAKS_KEPT) {
        breaks.add(new SealBreak(run, Seeds.format(runSeed), r.violation()));
      }
      return;
    }
    for (int o = 0; o < observed.size(); o++) {
      observed.get(o).putIfAbsent(r.observed().get(o), run);
      finals.get(o).putIfAbsent(r.finals().get(o), run);
    }
  }

  /** Adds {@code other}'s runs to this tally. */
  void merge(RunTally other) {
    completed += other.completed;
    errorRuns += other.errorRuns;
    violations += other.violations;
    if (other.failedRun >= 0 && (failedRun < 0 || other.failedRun < failedRun)) {
      failedRun = other.failedRun;
      failure = other.failure;
    }
    breaks.addAll(other.breaks);
    breaks.sort(java.util.Comparator.comparingInt(SealBreak::run));
    while (breaks.size() > SEAL_BREAKS_KEPT) {
      breaks.remove(breaks.size() - 1);
    }
    for (int o = 0; o < observed.size(); o++) {
      Map<EncodedOutcome, Integer> seen = observed.get(o);
      Map<EncodedOutcome, Integer> ended = finals.get(o);
      other.observed.get(o).forEach((outcome, run) -> seen.merge(outcome, run, Math::min));
      other.finals.get(o).forEach((outcome, run) -> ended.merge(outcome, run, Math::min));
    }
    for (int c = 0; c < constraints.length; c++) {
      constraints[c].merge(other.constraints[c]);
    }
  }

  /** The two lowest run numbers that showed distinct outcomes of watched relation {@code o}. */
  int[] firstTwo(int o, OutcomeKind kind) {
    Map<EncodedOutcome, Integer> outcomes = kind == OutcomeKind.FINAL ? finals.get(o) : observed.get(o);
    int first = Integer.MAX_VALUE;
    int second = Integer.MAX_VALUE;
    for (int run : outcomes.values()) {
      if (run < first) {
        second = first;
        first = run;
      } else if (run < second) {
        second = run;
      }
    }
    return new int[] {first, second};
  }

  /** How often one constraint was violated, and the first run that violated it and the first that did not. */
  static final class ConstraintTally {
    int violated;
    int runs;
    int violatedKeepingSeals;
    int runsKeepingSeals;
    int firstViolating = -1;
    int firstKept = -1;

    void add(int run, RunRecord r, int constraint) {
      boolean v = r.violated(constraint);
      runs++;
      if (r.violation() == null) {
        runsKeepingSeals++;
        if (v) {
          violatedKeepingSeals++;
        }
      }
      if (v) {
        violated++;
        if (firstViolating < 0) {
          firstViolating = run;
        }
      } else if (firstKept < 0) {
        firstKept = run;
      }
    }

    void merge(ConstraintTally other) {
      violated += other.violated;
      runs += other.runs;
      violatedKeepingSeals += other.violatedKeepingSeals;
      runsKeepingSeals += other.runsKeepingSeals;
      firstViolating = lowest(firstViolating, other.firstViolating);
      firstKept = lowest(firstKept, other.firstKept);
    }

    private static int lowest(int a, int b) {
      return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }
  }
}
