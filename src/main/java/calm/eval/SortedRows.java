package calm.eval;

import calm.syntax.Type;
import java.util.List;

/**
 * A store's rows in {@link Values#tupleOrder()}'s order, sorted as they are stored (longs, strings as pool
 * ids) rather than decoded first: an output of a few hundred thousand rows is then sorted without an
 * object a value.
 */
final class SortedRows {
  private final long[] rows;
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
    int a = x * arity;
    int b = y * arity;
    for (int c = 0; c < arity; c++) {
      long u = rows[a + c];
      long v = rows[b + c];
      if (u != v) {
        return strings[c] ? pool.string(u).compareTo(pool.string(v)) : Long.compare(u, v);
      }
    }
    return 0;
  }
}
