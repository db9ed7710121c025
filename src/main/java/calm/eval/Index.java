package calm.eval;

import java.util.Arrays;

/**
 * A hash index of one relation on a set of its columns: for each distinct key, a chain of the rows
 * holding it. Slots hold the newest row of each chain; {@code next} links a row to the previous row
 * with the same key, so adding a row is O(1) and never moves the rows already indexed.
 */
final class Index {
  final int[] columns;
  private int[] slots = new int[16]; // row + 1 of a chain's head; 0 = empty
  private int mask = 15;
  private int keys;
  private int[] next = new int[16];
  /**
   * With a one-column key, instead of {@link #slots}: the key and its chain's head row + 1 side by side,
   * so that a probe reads one cache line and not the row, which is a cache miss of its own in a large
   * relation.
   */
  private long[] pairs;

  Index(int[] columns) {
    this.columns = columns;
    if (columns.length == 1) {
      pairs = new long[2 * slots.length];
      slots = null;
    }
  }

  /** The head row of the chain for {@code key} (values in {@link #columns} order), or -1. */
  int first(TupleStore store, long[] key) {
    long[] pairs = this.pairs;
    if (pairs != null) {
      long k = key[0];
      int slot = keyHash(k) & mask;
      while (true) {
        long entry = pairs[2 * slot + 1];
        if (entry == 0) {
          return -1;
        }
        if (pairs[2 * slot] == k) {
          return (int) entry - 1;
        }
        slot = (slot + 1) & mask;
      }
    }
    RowChunks rows = store.rows;
    int slot = hash(key) & mask;
    while (true) {
      int entry = slots[slot];
      if (entry == 0) {
        return -1;
      }
      int row = entry - 1;
      if (keyEquals(rows, row, key)) {
        return row;
      }
      slot = (slot + 1) & mask;
    }
  }

  int next(int row) {
    return next[row];
  }

  void add(TupleStore store, int row) {
    if (row >= next.length) {
      next = Arrays.copyOf(next, Math.max(row + 1, next.length * 2));
    }
    if ((keys + 1) * 2 > mask + 1) {
      grow(store);
    }
    RowChunks rows = store.rows;
    long[] pairs = this.pairs;
    if (pairs != null) {
      long k = rows.get(row, columns[0]);
      int slot = keyHash(k) & mask;
      while (true) {
        long entry = pairs[2 * slot + 1];
        if (entry == 0) {
          pairs[2 * slot] = k;
          pairs[2 * slot + 1] = row + 1;
          next[row] = -1;
          keys++;
          return;
        }
        if (pairs[2 * slot] == k) {
          next[row] = (int) entry - 1;
          pairs[2 * slot + 1] = row + 1;
          return;
        }
        slot = (slot + 1) & mask;
      }
    }
    int slot = rowHash(rows, row) & mask;
    while (true) {
      int entry = slots[slot];
      if (entry == 0) {
        slots[slot] = row + 1;
        next[row] = -1;
        keys++;
        return;
      }
      int other = entry - 1;
      if (rowKeyEquals(rows, other, row)) {
        next[row] = other;
        slots[slot] = row + 1;
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Indexes rows {@code from} to {@code to} (exclusive) of {@code store}, in order, as {@link #add} would. */
  void addRows(TupleStore store, int from, int to) {
    if (to > next.length) {
      next = Arrays.copyOf(next, to);
    }
    for (int row = from; row < to; row++) {
      add(store, row);
    }
  }

  void clear() {
    if (pairs != null) {
      Arrays.fill(pairs, 0);
    } else {
      Arrays.fill(slots, 0);
    }
    keys = 0;
  }

  private void grow(TupleStore store) {
    if (pairs != null) {
      long[] old = pairs;
      pairs = new long[old.length * 2];
      mask = (pairs.length >> 1) - 1;
      for (int i = 0; i < old.length; i += 2) {
        if (old[i + 1] != 0) {
          int slot = keyHash(old[i]) & mask;
          while (pairs[2 * slot + 1] != 0) {
            slot = (slot + 1) & mask;
          }
          pairs[2 * slot] = old[i];
          pairs[2 * slot + 1] = old[i + 1];
        }
      }
      return;
    }
    int[] old = slots;
    slots = new int[old.length * 2];
    mask = slots.length - 1;
    RowChunks rows = store.rows;
    for (int entry : old) {
      if (entry != 0) {
        int slot = rowHash(rows, entry - 1) & mask;
        while (slots[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        slots[slot] = entry;
      }
    }
  }

  private static int keyHash(long key) {
    return TupleStore.finish(TupleStore.mix(0x9E3779B97F4A7C15L, key));
  }

  private boolean keyEquals(RowChunks rows, int row, long[] key) {
    for (int i = 0; i < columns.length; i++) {
      if (rows.get(row, columns[i]) != key[i]) {
        return false;
      }
    }
    return true;
  }

  private boolean rowKeyEquals(RowChunks rows, int a, int b) {
    for (int c : columns) {
      if (rows.get(a, c) != rows.get(b, c)) {
        return false;
      }
    }
    return true;
  }

  private int hash(long[] key) {
    long h = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < columns.length; i++) {
      h = TupleStore.mix(h, key[i]);
    }
    return TupleStore.finish(h);
  }

  private int rowHash(RowChunks rows, int row) {
    long h = 0x9E3779B97F4A7C15L;
    for (int c : columns) {
      h = TupleStore.mix(h, rows.get(row, c));
    }
    return TupleStore.finish(h);
  }
}
