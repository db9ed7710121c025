package calm.eval.explore;

import calm.eval.ConstraintViolation;
import calm.eval.SealViolation;
import java.util.List;

/**
 * What one explored run showed: per output (in {@link Worker#outputs()} order) the facts ever present
 * and the facts at quiescence; a broken seal, or the error that stopped the run; per constraint (in
 * {@link calm.eval.CompiledProgram#constraintSources()} order) its first violation or null; and, for a run
 * replayed to be shown, the envelopes met and its timeline.
 */
record RunRecord(
    List<EncodedOutcome> observed,
    List<EncodedOutcome> finals,
    SealViolation violation,
    String error,
    List<ScheduledDelivery.Met> met,
    List<TimelineTick> timeline,
    ConstraintViolation[] firstViolations) {

  /** Whether the run found constraint number {@code c} violated at some node in some tick. */
  boolean violated(int c) {
    return firstViolations[c] != null;
  }

  boolean comparable() {
    return violation == null && error == null;
  }
}
