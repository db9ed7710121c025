package calm.eval.explore;

import calm.eval.RunLimits;

/**
 * How to explore: the bounds of each run, the longest extra delay of a message, how many
 * threads run schedules (results never depend on it), and whether schedules may deliver a seal's
 * guard before what it seals ({@link SealOrder}).
 */
public record ExploreSettings(int maxTicks, long maxFacts, int maxDelay, int threads, boolean breakSeals) {
  /** A run that takes more ticks than this under a schedule does not end: an error, not a hang. */
  public static final int DEFAULT_MAX_TICKS = 1_000;
  public static final int DEFAULT_MAX_DELAY = 3;

  /** Schedules that keep every seal's promise (§5 Annotations and seals): the default. */
  public ExploreSettings(int maxTicks, long maxFacts, int maxDelay, int threads) {
    this(maxTicks, maxFacts, maxDelay, threads, false);
  }

  public static ExploreSettings defaults() {
    return new ExploreSettings(DEFAULT_MAX_TICKS, RunLimits.DEFAULT_MAX_FACTS, DEFAULT_MAX_DELAY,
        Runtime.getRuntime().availableProcessors());
  }

  public ExploreSettings withThreads(int threads) {
    return new ExploreSettings(maxTicks, maxFacts, maxDelay, threads, breakSeals);
  }

  /** With {@code true}, guards arrive whenever the schedule says, so seals can be broken on purpose. */
  public ExploreSettings withBreakSeals(boolean breakSeals) {
    return new ExploreSettings(maxTicks, maxFacts, maxDelay, threads, breakSeals);
  }

  RunLimits limits() {
    return new RunLimits(maxTicks, maxFacts);
  }
}
