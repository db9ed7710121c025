package calm.eval.explore;

import java.util.List;
import java.util.Optional;

/**
 * The result of exploring {@code runs} schedules from {@code seed}. {@code failure} is the first run
 * (by number) that stopped with an error; exploration stops there, so {@code completedRuns} may be
 * fewer than {@code runs}. Seal-breaking runs are counted in {@code sealViolations} and not compared.
 */
public record Exploration(
    int runs,
    long seed,
    int completedRuns,
    int sealViolations,
    List<SealBreak> sealBreaks,
    List<OutputFinding> outputs,
    Optional<RunFailure> failure) {
  public Exploration {
    sealBreaks = List.copyOf(sealBreaks);
    outputs = List.copyOf(outputs);
  }

  public boolean anyDiffers() {
    return outputs.stream().anyMatch(OutputFinding::differs);
  }
}
