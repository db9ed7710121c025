package calm.eval;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * Encoded facts of one relation packed in one array, {@code arity} longs a row, in the order read: what a
 * facts file loads into without an object per row, and what a store takes in bulk
 * ({@link TupleStore#addBulk}).
 */
public final class FactRows {
  final int arity;
  long[] data;
  int count;

  public FactRows(int arity) {
    this(arity, 16);
  }

  FactRows(int arity, int capacity) {
    this.arity = arity;
    this.data = new long[Math.max(arity, 1) * Math.max(capacity, 1)];
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
    int base = reserve();
    System.arraycopy(tuple, 0, data, base, arity);
  }

  /** Makes room for one more row and returns where it starts; the row is counted. */
  int reserve() {
    int base = count * arity;
    if (base + arity > data.length) {
      data = Arrays.copyOf(data, Math.max(data.length + (data.length >> 1), base + Math.max(arity, 1)));
    }
    count++;
    return base;
  }

  /** Drops the room reserved beyond the last row. */
  void trim() {
    int used = Math.max(count * arity, 1);
    if (data.length > used) {
      data = Arrays.copyOf(data, used);
    }
  }

  long[] row(int row) {
    return Arrays.copyOfRange(data, row * arity, row * arity + arity);
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
