package calm.eval.explore;

/**
 * Seeds and choices as pure functions of numbers (SplitMix64's finalizer), so that a run's schedule
 * depends only on its seed, never on which thread ran it or what ran before.
 */
public final class Seeds {
  private Seeds() {}

  /** The seed of run {@code index} of an exploration seeded with {@code seed}. */
  public static long runSeed(long seed, int index) {
    return mix(mix(seed) + 0x9E3779B97F4A7C15L * (index + 1L));
  }

  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static long combine(long a, long b) {
    return mix(a * 31 + b + 0x9E3779B97F4A7C15L);
  }

  /** A choice in {@code [0, bound)} from a random value. */
  static int below(long random, int bound) {
    return (int) Long.remainderUnsigned(random, bound);
  }

  /** As shown to users and accepted by {@code --replay}: 16 hex digits. */
  public static String format(long seed) {
    return String.format("%016x", seed);
  }

  /** Parses {@link #format}'s output (an optional {@code 0x} is allowed). */
  public static long parse(String text) {
    String t = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
    if (t.isEmpty() || t.length() > 16) {
      throw new NumberFormatException("a run seed is 1 to 16 hex digits: '" + text + "'");
    }
    return Long.parseUnsignedLong(t, 16);
  }
}
