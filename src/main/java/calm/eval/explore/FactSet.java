package calm.eval.explore;

import java.util.Arrays;

/**
 * A set of facts of one relation across nodes, each stored as {@code [node, v0, v1, ...]} in one
 * packed array with open addressing: adding a fact already held allocates nothing, which matters
 * because the explorer adds every output fact after every tick of every run.
 */
final class FactSet {
  private final int width;
  private long[] rows;
  private int[] table; // row + 1; 0 = empty
  private int size;

  FactSet(int arity) {
    this.width = arity + 1;
    this.rows = new long[width * 8];
    this.table = new int[16];
  }

  int size() {
    return size;
  }

  /** Empties the set, keeping its arrays (a worker reuses its sets from run to run). */
  void clear() {
    if (size > 0) {
      Arrays.fill(table, 0);
      size = 0;
    }
  }

  /** Adds the fact {@code values} at {@code node}; false when it was already there. */
  boolean add(int node, long[] values) {
    int slot = find(node, values);
    if (table[slot] != 0) {
      return false;
    }
    if ((size + 1) * width > rows.length) {
      rows = Arrays.copyOf(rows, rows.length * 2);
    }
    int base = size * width;
    rows[base] = node;
    System.arraycopy(values, 0, rows, base + 1, width - 1);
    table[slot] = ++size;
    if (size * 2 > table.length) {
      rehash();
    }
    return true;
  }

  boolean contains(int node, long[] values) {
    return table[find(node, values)] != 0;
  }

  private int find(int node, long[] values) {
    int mask = table.length - 1;
    int slot = hash(node, values) & mask;
    while (true) {
      int row = table[slot];
      if (row == 0 || same(row - 1, node, values)) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  private boolean same(int row, int node, long[] values) {
    int base = row * width;
    if (rows[base] != node) {
      return false;
    }
    for (int c = 1; c < width; c++) {
      if (rows[base + c] != values[c - 1]) {
        return false;
      }
    }
    return true;
  }

  private int hash(int node, long[] values) {
    long h = node * 0x9E3779B97F4A7C15L;
    for (int c = 0; c < width - 1; c++) {
      h = (h ^ values[c]) * 0xBF58476D1CE4E5B9L;
    }
    return (int) (h ^ (h >>> 31));
  }

  private void rehash() {
    table = new int[table.length * 2];
    int mask = table.length - 1;
    long[] values = new long[width - 1];
    for (int row = 0; row < size; row++) {
      int base = row * width;
      System.arraycopy(rows, base + 1, values, 0, width - 1);
      int slot = hash((int) rows[base], values) & mask;
      while (table[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = row + 1;
    }
  }

  /** The facts as a canonical value: rows sorted, so equal sets give equal outcomes. */
  EncodedOutcome outcome() {
    long[][] sorted = new long[size][];
    for (int row = 0; row < size; row++) {
      sorted[row] = Arrays.copyOfRange(rows, row * width, row * width + width);
    }
    Arrays.sort(sorted, Arrays::compare);
    long[] flat = new long[size * width];
    for (int row = 0; row < size; row++) {
      System.arraycopy(sorted[row], 0, flat, row * width, width);
    }
    return new EncodedOutcome(width, flat);
  }
}
