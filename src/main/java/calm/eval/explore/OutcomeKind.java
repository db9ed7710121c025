package calm.eval.explore;

/** The two ways §9 compares outputs. */
public enum OutcomeKind {
  /** Every fact ever present in the output during the run: what observers may have acted on. */
  OBSERVED,
  /** The output at quiescence: eventual consistency. */
  FINAL;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  Outcome of(RunRecord record, int output) {
    return this == OBSERVED ? record.observed().get(output) : record.finals().get(output);
  }
}
