package calm.eval.explore;

import calm.analysis.calm.ConstraintVerdict;
import calm.syntax.Constraint;
import java.util.Optional;

/**
 * What exploration found for one constraint (§12 Integrity constraints), next to the analysis's verdict: in how many of the
 * runs that finished ({@code runs}, error runs left out) it was violated, the same counts among runs
 * that kept their seals, and where some runs violate it and others do not, a witness.
 */
public record ConstraintFinding(
    Constraint constraint,
    Optional<ConstraintVerdict.Kind> verdict,
    int violatedRuns,
    int runs,
    int violatedRunsKeepingSeals,
    int runsKeepingSeals,
    Optional<ConstraintWitness> witness) {

  /** Violated in some runs and kept in others. */
  public boolean dependsOnSchedule() {
    return violatedRuns > 0 && violatedRuns < runs;
  }

  /**
   * CALM's prediction broken (§12 Integrity constraints): the analysis calls the constraint schedule-independent (or sealed,
   * among runs that keep their seals), yet some runs violate it and others do not.
   */
  public boolean contradictsAnalysis() {
    if (verdict.isEmpty()) {
      return false;
    }
    return switch (verdict.get()) {
      case SCHEDULE_INDEPENDENT -> dependsOnSchedule();
      case SEALED -> violatedRunsKeepingSeals > 0 && violatedRunsKeepingSeals < runsKeepingSeals;
      default -> false;
    };
  }
}
