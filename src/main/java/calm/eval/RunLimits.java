package calm.eval;

/** The bounds that turn a run that does not end into an error (§7 Runs and nodes). */
public record RunLimits(int maxTicks, long maxFacts) {
  public static final int DEFAULT_MAX_TICKS = 10_000;
  public static final long DEFAULT_MAX_FACTS = 50_000_000L;

  public static RunLimits defaults() {
    return new RunLimits(DEFAULT_MAX_TICKS, DEFAULT_MAX_FACTS);
  }
}
