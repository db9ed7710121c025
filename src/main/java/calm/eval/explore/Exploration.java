package calm.eval.explore;

import java.util.List;
import java.util.Optional;

/**
 * The result of exploring {@code runs} schedules from {@code seed}. Runs stopped by a run-time error
 * are counted in {@code errorRuns} and not compared; {@code failure} is the first of them (by number),
 * its witness. Seal-breaking runs are counted in {@code sealViolations} and not compared.
 */
public record Exploration(
    int runs,
    long seed,
    int completedRuns,
    int sealViolations,
    List<SealBreak> sealBreaks,
    List<OutputFinding> outputs,
    Optional<RunFailure> failure,
    int errorRuns,
    List<ConstraintFinding> constraints,
    List<SnapshotFinding> snapshots) {
  public Exploration {
    snapshots = List.copyOf(snapshots);
    sealBreaks = List.copyOf(sealBreaks);
    outputs = List.copyOf(outputs);
    constraints = List.copyOf(constraints);
  }

  /** Whether some run violated some constraint. */
  public boolean anyConstraintViolated() {
    return constraints.stream().anyMatch(c -> c.violatedRuns() > 0);
  }

  public boolean anyDiffers() {
    return outputs.stream().anyMatch(OutputFinding::differs);
  }
}
