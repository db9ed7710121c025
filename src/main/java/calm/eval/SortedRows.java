package calm.eval;

import calm.syntax.Type;
import java.util.List;

/**
 * A store's rows in {@link Values#tupleOrder()}'s order, sorted as they are stored (longs, strings as pool
 * ids) rather than decoded first: an output of a few hundred thousand rows is then sorted without an
 * object a value.
 */
final class SortedRows {
  private final RowChunks rows;
  private final int arity;
  private final boolean[] strings;
  private final StringPool pool;

  private SortedRows(TupleStore store, List<Type> types, StringPool pool) {
    this.rows = store.rows;
    this.arity = store.arity;
    this.pool = pool;
    this.strings = new boolean[arity];
    for (int c = 0; c < arity; c++) {
      strings[c] = types.get(c) == Type.STRING;
    }
  }

  /**
   * {@code store}'s rows in order, packed {@code arity} longs a row. Rows of one or two int columns (two
   * that fit in 32 bits each) sort as single longs with the library's primitive sort.
   */
  static long[] sorted(TupleStore store, List<Type> types, StringPool pool) {
    int arity = store.arity;
    int size = store.size;
    RowChunks rows = store.rows;
    boolean ints = types.stream().noneMatch(t -> t == Type.STRING);
    if (ints && arity == 1) {
      long[] values = rows.flat(size);
      java.util.Arrays.sort(values);
      return values;
    }
    if (ints && arity == 2 && fitInts(rows, size)) {
      long[] keys = new long[size];
      for (int r = 0; r < size; r++) {
        // the first column signed in the high half; the second, its sign bit flipped, as unsigned below
        keys[r] = (rows.get(r, 0) << 32) | ((rows.get(r, 1) ^ 0x8000_0000L) & 0xFFFF_FFFFL);
      }
      java.util.Arrays.sort(keys);
      long[] sorted = new long[2 * size];
      for (int r = 0; r < size; r++) {
        sorted[2 * r] = keys[r] >> 32;
        sorted[2 * r + 1] = (int) (keys[r] ^ 0x8000_0000L);
      }
      return sorted;
    }
    int[] order = order(store, types, pool);
    long[] sorted = new long[size * arity];
    for (int i = 0; i < size; i++) {
      rows.copy(order[i], sorted, i * arity, arity);
    }
    return sorted;
  }

  private static boolean fitInts(RowChunks rows, int count) {
    if (rows.fitsInts()) {
      return true; // every value written fitted, or the chunks would have widened
    }
    for (int r = 0; r < count; r++) {
      long a = rows.get(r, 0);
      long b = rows.get(r, 1);
      if (a != (int) a || b != (int) b) {
        return false;
      }
    }
    return true;
  }

  /** The numbers of {@code store}'s rows, in order. */
  static int[] order(TupleStore store, List<Type> types, StringPool pool) {
    int[] order = new int[store.size];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    if (order.length > 1) {
      new SortedRows(store, types, pool).sort(order, new int[order.length], 0, order.length);
    }
    return order;
  }

  /** A merge sort, stable, that does no work on runs already in order. */
  private void sort(int[] a, int[] scratch, int from, int to) {
    if (to - from <= 16) {
      for (int i = from + 1; i < to; i++) {
        int row = a[i];
        int j = i - 1;
        while (j >= from && compare(a[j], row) > 0) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = row;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    sort(a, scratch, from, mid);
    sort(a, scratch, mid, to);
    if (compare(a[mid - 1], a[mid]) <= 0) {
      return;
    }
    System.arraycopy(a, from, scratch, from, to - from);
    int i = from;
    int j = mid;
    for (int k = from; k < to; k++) {
      if (j >= to || (i < mid && compare(scratch[i], scratch[j]) <= 0)) {
        a[k] = scratch[i++];
      } else {
        a[k] = scratch[j++];
      }
    }
  }

  private int compare(int x, int y) {
    for (int c = 0; c < arity; c++) {
      long u = rows.get(x, c);
      long v = rows.get(y, c);
      if (u != v) {
        return strings[c] ? pool.string(u).compareTo(pool.string(v)) : Long.compare(u, v);
      }
    }
    return 0;
  }
}
