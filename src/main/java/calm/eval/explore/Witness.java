package calm.eval.explore;

import java.util.List;

/**
 * Two schedules under which an output differs, shrunk to the fewest deliveries that still make it
 * differ: {@code differences} lists those deliveries, and each side its timeline and the facts only it
 * held. {@code shrinkRuns} is how many runs shrinking took.
 */
public record Witness(
    String relation,
    OutcomeKind kind,
    ScheduleSide a,
    ScheduleSide b,
    List<DeliveryDifference> differences,
    int shrinkRuns) {
  public Witness {
    differences = List.copyOf(differences);
  }
}
