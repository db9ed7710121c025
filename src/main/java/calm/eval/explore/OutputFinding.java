package calm.eval.explore;

import calm.analysis.calm.Verdict;
import java.util.Optional;

/**
 * What exploration found for one output, next to the analysis's verdict (empty when the analysis
 * gave none).
 */
public record OutputFinding(
    String relation,
    Optional<Verdict> verdict,
    int observedOutcomes,
    int finalOutcomes,
    Optional<Witness> witness) {

  public boolean differs() {
    return observedOutcomes > 1 || finalOutcomes > 1;
  }

  /** Observers can see facts that are later retracted, though every run ends the same (§9 The explorer). */
  public boolean eventuallyConsistentNotConfluent() {
    return finalOutcomes <= 1 && observedOutcomes > 1;
  }

  /**
   * CALM's prediction broken: the analysis calls the output confluent or sealed (and seal-breaking
   * runs are not compared), yet it differed. The analysis is wrong.
   */
  public boolean contradictsAnalysis() {
    return differs() && verdict.isPresent()
        && (verdict.get() == Verdict.CONFLUENT || verdict.get() == Verdict.SEALED);
  }

  /** The analysis asks for coordination, yet every explored run agreed: it may be conservative. */
  public boolean unconfirmed() {
    return !differs() && verdict.isPresent() && verdict.get() == Verdict.NEEDS_COORDINATION;
  }
}
