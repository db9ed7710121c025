package calm.eval.explore;

import java.util.Arrays;

/**
 * An outcome as the engine encodes it: sorted rows {@code [node, v0, v1, ...]}. Workers compile the
 * same program the same way, so equal outcomes are equal here whichever thread ran them; they are
 * decoded into an {@link Outcome} only when shown.
 */
final class EncodedOutcome {
  final int width;
  final long[] rows;
  private final int hash;

  EncodedOutcome(int width, long[] rows) {
    this.width = width;
    this.rows = rows;
    this.hash = Arrays.hashCode(rows);
  }

  int size() {
    return rows.length / width;
  }

  int node(int row) {
    return (int) rows[row * width];
  }

  long[] values(int row) {
    return Arrays.copyOfRange(rows, row * width + 1, row * width + width);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EncodedOutcome e && e.width == width && Arrays.equals(e.rows, rows);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
