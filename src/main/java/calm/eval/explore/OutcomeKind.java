package calm.eval.explore;

/** The two ways the explorer compares outputs (§9 The explorer). */
public enum OutcomeKind {
  /** Every fact ever present in the output during the run: what observers may have acted on. */
  OBSERVED,
  /** The output at quiescence: eventual consistency. */
  FINAL;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  EncodedOutcome of(RunRecord record, int output) {
    return this == OBSERVED ? record.observed().get(output) : record.finals().get(output);
  }
}
