package calm.eval.explore;

import java.util.Arrays;

/** An encoded fact (or key) that can live in a hash set: a copy of the engine's reused buffer. */
final class Row {
  final int node;
  final long[] values;
  private final int hash;

  Row(int node, long[] values) {
    this.node = node;
    this.values = values.clone();
    this.hash = 31 * node + Arrays.hashCode(this.values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Row r && r.node == node && Arrays.equals(r.values, values);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
