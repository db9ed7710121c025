package calm.serve;

import java.time.Duration;

/**
 * What one request may cost: the playground runs programs it did not write. The tick and fact
 * bounds of each run are the explorer's own; these bound the request around them.
 *
 * @param maxBodyBytes the largest request body; a program is a few kilobytes
 * @param timeLimit wall-clock time of one check or exploration, after which it is cancelled
 * @param maxRuns the most schedules one exploration may ask for
 * @param workers requests worked on at once; more wait in a short queue, then are refused
 */
public record Limits(int maxBodyBytes, Duration timeLimit, int maxRuns, int workers) {
  public static final int DEFAULT_RUNS = 200;

  public static Limits defaults() {
    return new Limits(1 << 20, Duration.ofSeconds(10), 2_000, 2);
  }
}
