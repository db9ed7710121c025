package calm.eval;

import java.util.AbstractList;
import java.util.List;

/**
 * Encoded facts of one relation packed in {@link RowChunks}, {@code arity} longs a row, in the order read:
 * what a facts file loads into without an object per row, and what a store takes in bulk
 * ({@link TupleStore#addBulk}). In chunks, because a facts file of some million rows grew one array by
 * copying and then trimmed it, three arrays of its size for one (triangle's 600,000 edges: 32 MB for
 * 9.6 MB of facts, all of it in the old generation before the tables grew; docs/benchmarks.md, "Ninth
 * round").
 */
public final class FactRows {
  final int arity;
  final RowChunks rows;
  int count;

  public FactRows(int arity) {
    this(arity, 16);
  }

  /** Room for {@code capacity} rows before the first chunk grows (no more than one chunk is made). */
  FactRows(int arity, int capacity) {
    this.arity = arity;
    this.rows = new RowChunks(arity, Math.min(Math.max(capacity, 1), RowChunks.ROWS));
  }

  static FactRows of(int arity, List<long[]> tuples) {
    FactRows rows = new FactRows(arity, tuples.size());
    for (long[] t : tuples) {
      rows.add(t);
    }
    return rows;
  }

  public int size() {
    return count;
  }

  public void add(long[] tuple) {
    rows.put(reserve(), tuple, arity);
  }

  /** Makes room for one more row and returns its number; the row is counted. */
  int reserve() {
    rows.reserve(count + 1);
    return count++;
  }

  long[] row(int row) {
    return rows.row(row, arity);
  }

  /** The rows as tuples, each a copy. */
  public List<long[]> asList() {
    return new AbstractList<>() {
      @Override
      public long[] get(int index) {
        if (index < 0 || index >= count) {
          throw new IndexOutOfBoundsException(index);
        }
        return row(index);
      }

      @Override
      public int size() {
        return count;
      }
    };
  }
}
