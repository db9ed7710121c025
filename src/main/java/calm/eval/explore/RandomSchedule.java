package calm.eval.explore;

/**
 * The schedule a seed stands for. Each envelope's choice is a hash of the seed and the envelope's
 * key: a channel message arrives on the next tick half the time, else 1 to {@code maxDelay} ticks
 * late, and one in eight arrives a second time; an input event without a tick arrives at a tick
 * in {@code [1, 1 + inputWindow]}.
 */
public record RandomSchedule(long seed, int maxDelay, int inputWindow) implements Schedule {
  @Override
  public Decision decide(long key, boolean input) {
    long r = Seeds.combine(seed, key);
    if (input) {
      return new Decision(Seeds.below(r, inputWindow + 1), 0);
    }
    int delay = (r & 1) == 0 ? 0 : 1 + Seeds.below(r >>> 1, maxDelay);
    long d = r >>> 17;
    int duplicateAfter = Seeds.below(d, 8) == 0 ? 1 + Seeds.below(d >>> 3, maxDelay) : 0;
    return new Decision(delay, duplicateAfter);
  }

  @Override
  public String token() {
    return Seeds.format(seed);
  }
}
