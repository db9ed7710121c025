package calm.eval;

import calm.syntax.Lattice;
import calm.syntax.Type;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The key of a keyed table (§11 Keyed tables, lattices and extern tables): which row holds each key, and how
 * a key's values merge. A plain key admits one row; a lattice key keeps the join of what is inserted. A
 * raised value is appended as a new row and the old one is marked dead, so that semi-naive evaluation sees
 * the raise as a delta; the dead rows are dropped by {@link TupleStore#compact()} once the component's
 * fixpoint is reached. Until then they are still visible, which is harmless to the monotone reads that alone
 * may run in the same component as the table's writers (a dead value is below the live one).
 */
final class Keying {
  private static final byte PLAIN = 0;
  private static final byte MAX = 1;
  private static final byte MIN = 2;

  final int keyColumns;
  final boolean lattice;
  private final int arity;
  private final byte[] order;
  private final boolean[] strings;
  private final StringPool pool;
  private int[] slots = new int[16]; // row + 1; 0 = empty
  /**
   * With a one-column key, instead of {@link #slots}: the key and its row + 1 side by side, so that a probe
   * reads one cache line and no row.
   */
  private long[] pairs;
  private int mask = 15;
  private int count;
  /** A row's key, read out of its chunk for {@link #find}. */
  private final long[] rowKey;
  final BitSet dead = new BitSet();
  int deadCount;

  Keying(int keyColumns, List<Lattice> lattices, List<Type> types, StringPool pool) {
    this.keyColumns = keyColumns;
    this.rowKey = new long[keyColumns];
    this.arity = types.size();
    this.pool = pool;
    this.order = new byte[arity];
    this.strings = new boolean[arity];
    boolean anyLattice = false;
    for (int c = 0; c < arity; c++) {
      Lattice l = lattices.get(c);
      order[c] = l == Lattice.MAX ? MAX : l == Lattice.MIN ? MIN : PLAIN;
      anyLattice |= l.isLattice();
      strings[c] = types.get(c) == Type.STRING;
    }
    this.lattice = anyLattice;
    if (keyColumns == 1) {
      pairs = new long[2 * slots.length];
      slots = null;
    }
  }

  /** The row holding {@code tuple}'s key, or -1. */
  int rowOf(RowChunks rows, long[] tuple) {
    if (pairs != null) {
      return (int) pairs[2 * findPair(tuple[0]) + 1] - 1;
    }
    return slots[find(rows, tuple, 0)] - 1;
  }

  /** Records that {@code row} now holds its key (replacing any row that held it before). */
  void put(RowChunks rows, int row) {
    if (pairs != null) {
      long key = rows.get(row, 0);
      int slot = findPair(key);
      if (pairs[2 * slot + 1] == 0) {
        count++;
      }
      pairs[2 * slot] = key;
      pairs[2 * slot + 1] = row + 1;
      if (count * 2 > mask + 1) {
        growPairs();
      }
      return;
    }
    int slot = findRow(rows, row);
    if (slots[slot] == 0) {
      count++;
    }
    slots[slot] = row + 1;
    if (count * 2 > slots.length) {
      grow(rows);
    }
  }

  /**
   * The join of {@code row}'s values with {@code tuple}'s, in {@code into}; false when it equals the
   * row's own values (the insertion changes nothing).
   */
  boolean join(RowChunks rows, int row, long[] tuple, long[] into) {
    boolean raised = false;
    for (int c = 0; c < arity; c++) {
      long held = rows.get(row, c);
      long value = tuple[c];
      long joined = held;
      if (c >= keyColumns && held != value) {
        int cmp = compare(c, value, held);
        if (order[c] == MAX ? cmp > 0 : cmp < 0) {
          joined = value;
          raised = true;
        }
      }
      into[c] = joined;
    }
    return raised;
  }

  /** Whether inserting {@code tuple} would change the key's values (for a plain key: differ). */
  boolean changes(RowChunks rows, long[] tuple, long[] scratch) {
    int row = rowOf(rows, tuple);
    if (row < 0) {
      return true;
    }
    if (lattice) {
      return join(rows, row, tuple, scratch);
    }
    for (int c = keyColumns; c < arity; c++) {
      if (rows.get(row, c) != tuple[c]) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code row} holds a value that a later row has raised. */
  boolean isDead(int row) {
    return deadCount > 0 && dead.get(row);
  }

  void kill(int row) {
    dead.set(row);
    deadCount++;
  }

  void clear() {
    if (pairs != null) {
      Arrays.fill(pairs, 0);
    } else {
      Arrays.fill(slots, 0);
    }
    count = 0;
    dead.clear();
    deadCount = 0;
  }

  private int compare(int column, long a, long b) {
    if (!strings[column]) {
      return Long.compare(a, b);
    }
    return compareCodePoints(pool.string(a), pool.string(b));
  }

  /**
   * Strings are ordered by code point (§11 Keyed tables, lattices and extern tables), which
   * String.compareTo's UTF-16 order is not.
   */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  /** The slot of the key held in {@code source} from {@code base} on, or the empty slot where it goes. */
  private int find(RowChunks rows, long[] source, int base) {
    int slot = hash(source, base) & mask;
    while (true) {
      int entry = slots[slot];
      if (entry == 0) {
        return slot;
      }
      if (rows.startsWith(entry - 1, source, base, keyColumns)) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** As {@link #find}, for the key of row {@code row}. */
  private int findRow(RowChunks rows, int row) {
    long[] key = this.rowKey;
    for (int c = 0; c < keyColumns; c++) {
      key[c] = rows.get(row, c);
    }
    return find(rows, key, 0);
  }

  private int hash(long[] source, int base) {
    long h = 0x9E3779B97F4A7C15L;
    for (int c = 0; c < keyColumns; c++) {
      h = TupleStore.mix(h, source[base + c]);
    }
    return TupleStore.finish(h);
  }

  private void grow(RowChunks rows) {
    int[] old = slots;
    slots = new int[old.length * 2];
    mask = slots.length - 1;
    for (int entry : old) {
      if (entry != 0) {
        int slot = findRow(rows, entry - 1);
        slots[slot] = entry;
      }
    }
  }

  /** The slot of {@code key} in {@link #pairs}, or the empty slot where it goes. */
  private int findPair(long key) {
    long[] pairs = this.pairs;
    int slot = TupleStore.finish(TupleStore.mix(0x9E3779B97F4A7C15L, key)) & mask;
    while (pairs[2 * slot + 1] != 0 && pairs[2 * slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void growPairs() {
    long[] old = pairs;
    pairs = new long[old.length * 2];
    mask = (pairs.length >> 1) - 1;
    for (int i = 0; i < old.length; i += 2) {
      if (old[i + 1] != 0) {
        int slot = findPair(old[i]);
        pairs[2 * slot] = old[i];
        pairs[2 * slot + 1] = old[i + 1];
      }
    }
  }
}
