package calm.analysis.calm;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Which outputs each coordination point is upstream of, as one bit per (component, output): the
 * points' lines in order, the strongly connected component each point's head is in, and for each
 * component the set of outputs it reaches. An output's point lines are then read off by one scan of
 * the points, without any per-output list being stored.
 */
final class Upstream {
  private final int[] lines;
  private final int[] componentOf;
  private final long[] reaches;
  private final int words;

  /**
   * @param lines the points' lines, in increasing order
   * @param componentOf for each point (in the same order), its component
   * @param reaches for each component, {@code words} words of bits: the outputs it reaches
   */
  Upstream(int[] lines, int[] componentOf, long[] reaches, int words) {
    this.lines = lines;
    this.componentOf = componentOf;
    this.reaches = reaches;
    this.words = words;
  }

  /** One output with the given points upstream. */
  static Upstream fixed(int[] lines) {
    int[] sorted = lines.clone();
    Arrays.sort(sorted);
    return new Upstream(sorted, new int[sorted.length], new long[] {1L}, 1);
  }

  void forEachLine(int output, int limit, IntConsumer action) {
    int word = output >>> 6;
    long bit = 1L << (output & 63);
    int last = Integer.MIN_VALUE;
    int given = 0;
    for (int p = 0; p < lines.length && given < limit; p++) {
      if ((reaches[componentOf[p] * words + word] & bit) != 0 && lines[p] != last) {
        last = lines[p];
        action.accept(last);
        given++;
      }
    }
  }
}
