package calm.eval.explore;

import calm.eval.SealViolation;
import java.util.List;

/**
 * What one explored run showed: per output (in {@link Worker#outputs()} order) the facts ever present
 * and the facts at quiescence; a broken seal, or the error that stopped the run; and, for a run
 * replayed to be shown, the envelopes met and its timeline.
 */
record RunRecord(
    List<EncodedOutcome> observed,
    List<EncodedOutcome> finals,
    SealViolation violation,
    String error,
    List<ScheduledDelivery.Met> met,
    List<TimelineTick> timeline) {

  boolean comparable() {
    return violation == null && error == null;
  }
}
