package calm.eval;

import java.util.Arrays;

/**
 * The rows of one store, {@code arity} longs a row, in chunks of {@link #ROWS} rows: row {@code r} is at
 * {@link #offset}{@code (r)} of {@link #chunk}{@code (r)}. Growing adds a chunk instead of copying every
 * row into an array half as large again, which held the old and the new array at once: a relation's
 * peak was 1.7 to 2.5 times its rows, and it was the peak of a run's memory (the transitive closure of
 * the shared benchmark, 2.6 million pairs, held a 28 MB and a 42 MB array; docs/benchmarks.md, "Ninth
 * round"). Only the first chunk grows by doubling, so that the many small relations of a large program
 * stay small.
 */
final class RowChunks {
  static final int SHIFT = 14;
  static final int ROWS = 1 << SHIFT;
  private static final int MASK = ROWS - 1;
  private final int width;
  private long[][] chunks;
  /** Rows that fit in the chunks allocated. */
  private int capacity;

  /** Room for {@code rows} rows (at least one) of {@code arity} columns. */
  RowChunks(int arity, int rows) {
    this.width = Math.max(arity, 1);
    int first = Math.max(1, Math.min(rows, ROWS));
    chunks = new long[][] {new long[first * width]};
    capacity = first;
    reserve(rows);
  }

  long[] chunk(int row) {
    return chunks[row >>> SHIFT];
  }

  int offset(int row) {
    return (row & MASK) * width;
  }

  long get(int row, int column) {
    return chunks[row >>> SHIFT][(row & MASK) * width + column];
  }

  /** Copies row {@code row}'s {@code length} first values into {@code into}. */
  void copy(int row, long[] into, int length) {
    System.arraycopy(chunks[row >>> SHIFT], (row & MASK) * width, into, 0, length);
  }

  /** Writes {@code length} values of {@code tuple} as row {@code row}, making room for it. */
  void put(int row, long[] tuple, int length) {
    if (row >= capacity) {
      reserve(row + 1);
    }
    System.arraycopy(tuple, 0, chunks[row >>> SHIFT], (row & MASK) * width, length);
  }

  /** Makes room for {@code rows} rows. */
  void reserve(int rows) {
    if (rows <= capacity) {
      return;
    }
    if (capacity < ROWS) {
      int first = Math.min(ROWS, Math.max(rows, 2 * capacity));
      chunks[0] = Arrays.copyOf(chunks[0], first * width);
      capacity = first;
    }
    while (capacity < rows) {
      int index = capacity >>> SHIFT;
      if (index == chunks.length) {
        chunks = Arrays.copyOf(chunks, 2 * index);
      }
      chunks[index] = new long[ROWS * width];
      capacity += ROWS;
    }
  }

  /** The longs allocated for rows. */
  long allocated() {
    return (long) capacity * width;
  }

  /** The first {@code rows} rows, one after another in one new array. */
  long[] flat(int rows) {
    long[] flat = new long[rows * width];
    for (int from = 0; from < rows; from += ROWS) {
      int n = Math.min(ROWS, rows - from);
      System.arraycopy(chunks[from >>> SHIFT], 0, flat, from * width, n * width);
    }
    return flat;
  }
}
