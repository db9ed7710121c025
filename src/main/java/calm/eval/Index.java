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
   * With a one-column key, the key beside its slot: a probe then compares without reading the row,
   * which is a cache miss of its own in a large relation.
   */
  private long[] inline;

  Index(int[] columns) {
    this.columns = columns;
    if (columns.length == 1) {
      inline = new long[slots.length];
    }
  }

  /** The head row of the chain for {@code key} (values in {@link #columns} order), or -1. */
  int first(TupleStore store, long[] key) {
    long[] rows = store.rows;
    int arity = store.arity;
    int slot = hash(key) & mask;
    long[] inline = this.inline;
    if (inline != null) {
      long k = key[0];
      while (true) {
        int entry = slots[slot];
        if (entry == 0) {
          return -1;
        }
        if (inline[slot] == k) {
          return entry - 1;
        }
        slot = (slot + 1) & mask;
      }
    }
    while (true) {
      int entry = slots[slot];
      if (entry == 0) {
        return -1;
      }
      int row = entry - 1;
      if (keyEquals(rows, row * arity, key)) {
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
    if ((keys + 1) * 2 > slots.length) {
      grow(store);
    }
    long[] rows = store.rows;
    int base = row * store.arity;
    int slot = rowHash(rows, base) & mask;
    long[] inline = this.inline;
    long k = inline == null ? 0 : rows[base + columns[0]];
    while (true) {
      int entry = slots[slot];
      if (entry == 0) {
        slots[slot] = row + 1;
        if (inline != null) {
          inline[slot] = k;
        }
        next[row] = -1;
        keys++;
        return;
      }
      int other = entry - 1;
      if (inline != null ? inline[slot] == k : rowKeyEquals(rows, other * store.arity, base)) {
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
    Arrays.fill(slots, 0);
    keys = 0;
  }

  private void grow(TupleStore store) {
    int[] old = slots;
    long[] oldInline = inline;
    slots = new int[old.length * 2];
    mask = slots.length - 1;
    if (oldInline != null) {
      inline = new long[slots.length];
    }
    long[] rows = store.rows;
    for (int i = 0; i < old.length; i++) {
      int entry = old[i];
      if (entry != 0) {
        int slot =
            (oldInline != null
                    ? TupleStore.finish(TupleStore.mix(0x9E3779B97F4A7C15L, oldInline[i]))
                    : rowHash(rows, (entry - 1) * store.arity))
                & mask;
        while (slots[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        slots[slot] = entry;
        if (oldInline != null) {
          inline[slot] = oldInline[i];
        }
      }
    }
  }

  private boolean keyEquals(long[] rows, int base, long[] key) {
    for (int i = 0; i < columns.length; i++) {
      if (rows[base + columns[i]] != key[i]) {
        return false;
      }
    }
    return true;
  }

  private boolean rowKeyEquals(long[] rows, int a, int b) {
    for (int c : columns) {
      if (rows[a + c] != rows[b + c]) {
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

  private int rowHash(long[] rows, int base) {
    long h = 0x9E3779B97F4A7C15L;
    for (int c : columns) {
      h = TupleStore.mix(h, rows[base + c]);
    }
    return TupleStore.finish(h);
  }
}
