package calm.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The facts of one relation at one node: rows of {@code long}s packed in one array (strings are
 * {@link StringPool} ids), a set over them, and the indexes the rules need. Rows are only appended
 * during a tick, so "the rows since row n" is how semi-naive evaluation finds its deltas.
 */
final class TupleStore {
  final int arity;
  long[] rows;
  int size;
  private int[] table = new int[16]; // row + 1; 0 = empty
  private int mask = 15;
  final Index[] indexes;

  TupleStore(int arity, List<int[]> indexColumns) {
    this.arity = arity;
    this.rows = new long[Math.max(arity, 1) * 16];
    this.indexes = new Index[indexColumns.size()];
    for (int i = 0; i < indexes.length; i++) {
      indexes[i] = new Index(indexColumns.get(i));
    }
  }

  int size() {
    return size;
  }

  long get(int row, int column) {
    return rows[row * arity + column];
  }

  /** Adds {@code tuple[0..arity)}; false when it was already there. */
  boolean add(long[] tuple) {
    int slot = find(tuple);
    if (table[slot] != 0) {
      return false;
    }
    append(tuple, slot);
    return true;
  }

  /** The row holding {@code tuple}, adding it if needed. */
  int rowOf(long[] tuple) {
    int slot = find(tuple);
    if (table[slot] != 0) {
      return table[slot] - 1;
    }
    return append(tuple, slot);
  }

  boolean contains(long[] tuple) {
    return table[find(tuple)] != 0;
  }

  long[] row(int row) {
    return Arrays.copyOfRange(rows, row * arity, row * arity + arity);
  }

  void clear() {
    if (size == 0) {
      return;
    }
    size = 0;
    Arrays.fill(table, 0);
    for (Index index : indexes) {
      index.clear();
    }
  }

  /** Keeps the rows that {@code removed} does not hold; rebuilds the set and the indexes. */
  int removeAll(TupleStore removed) {
    if (removed.size == 0 || size == 0) {
      return 0;
    }
    long[] old = rows;
    int oldSize = size;
    rows = new long[old.length];
    clear();
    long[] tuple = new long[arity];
    int kept = 0;
    for (int r = 0; r < oldSize; r++) {
      System.arraycopy(old, r * arity, tuple, 0, arity);
      if (!removed.contains(tuple)) {
        add(tuple);
        kept++;
      }
    }
    return oldSize - kept;
  }

  List<long[]> tuples() {
    List<long[]> all = new ArrayList<>(size);
    for (int r = 0; r < size; r++) {
      all.add(row(r));
    }
    return all;
  }

  private int append(long[] tuple, int slot) {
    int row = size;
    int base = row * arity;
    if (base + arity > rows.length) {
      rows = Arrays.copyOf(rows, Math.max(rows.length * 2, base + arity));
    }
    System.arraycopy(tuple, 0, rows, base, arity);
    size++;
    table[slot] = row + 1;
    if (size * 2 > table.length) {
      growTable();
    }
    for (Index index : indexes) {
      index.add(this, row);
    }
    return row;
  }

  private int find(long[] tuple) {
    int slot = hash(tuple) & mask;
    long[] rows = this.rows;
    while (true) {
      int entry = table[slot];
      if (entry == 0) {
        return slot;
      }
      int base = (entry - 1) * arity;
      boolean equal = true;
      for (int c = 0; c < arity; c++) {
        if (rows[base + c] != tuple[c]) {
          equal = false;
          break;
        }
      }
      if (equal) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  private void growTable() {
    table = new int[table.length * 2];
    mask = table.length - 1;
    for (int r = 0; r < size; r++) {
      long h = 0x9E3779B97F4A7C15L;
      int base = r * arity;
      for (int c = 0; c < arity; c++) {
        h = mix(h, rows[base + c]);
      }
      int slot = finish(h) & mask;
      while (table[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = r + 1;
    }
  }

  private int hash(long[] tuple) {
    long h = 0x9E3779B97F4A7C15L;
    for (int c = 0; c < arity; c++) {
      h = mix(h, tuple[c]);
    }
    return finish(h);
  }

  static long mix(long h, long v) {
    return (h ^ v) * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
  }

  static int finish(long h) {
    h ^= h >>> 31;
    h *= 0x94D049BB133111EBL;
    h ^= h >>> 29;
    return (int) h;
  }
}
