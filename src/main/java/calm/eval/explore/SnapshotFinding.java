package calm.eval.explore;

import java.util.Optional;

/**
 * What exploration found for one snapshot read (§11): {@code relation} is the head of a rule that reads
 * an asynchronous lattice value other than monotonically (the rule at {@code line}); {@code outcomes}
 * counts the distinct sets of facts it held over a run, and the witness shows two schedules under which
 * the value read differs.
 */
public record SnapshotFinding(String relation, int line, int outcomes, Optional<Witness> witness) {
  public boolean differs() {
    return outcomes > 1;
  }
}
