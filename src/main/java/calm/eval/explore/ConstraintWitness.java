package calm.eval.explore;

import calm.eval.ConstraintViolation;
import java.util.List;

/**
 * Two schedules, shrunk as a {@link Witness}'s are: under {@code a} the constraint is violated (first as
 * {@code violation} says), under {@code b} it never is. Each side's timeline holds its deliveries, the
 * differing ones marked.
 */
public record ConstraintWitness(
    ConstraintViolation violation,
    ScheduleSide a,
    ScheduleSide b,
    List<DeliveryDifference> differences,
    int shrinkRuns) {
  public ConstraintWitness {
    differences = List.copyOf(differences);
  }
}
