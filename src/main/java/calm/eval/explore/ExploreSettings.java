package calm.eval.explore;

import calm.eval.RunLimits;

/**
 * How to explore: the bounds of each run, the longest extra delay of a message, and how many
 * threads run schedules (results never depend on it).
 */
public record ExploreSettings(int maxTicks, long maxFacts, int maxDelay, int threads) {
  /** A run that takes more ticks than this under a schedule does not end: an error, not a hang. */
  public static final int DEFAULT_MAX_TICKS = 1_000;
  public static final int DEFAULT_MAX_DELAY = 3;

  public static ExploreSettings defaults() {
    return new ExploreSettings(DEFAULT_MAX_TICKS, RunLimits.DEFAULT_MAX_FACTS, DEFAULT_MAX_DELAY,
        Runtime.getRuntime().availableProcessors());
  }

  public ExploreSettings withThreads(int threads) {
    return new ExploreSettings(maxTicks, maxFacts, maxDelay, threads);
  }

  RunLimits limits() {
    return new RunLimits(maxTicks, maxFacts);
  }
}
