package calm.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The facts of one relation at one node: rows of {@code long}s packed in {@link RowChunks} (strings are
 * {@link StringPool} ids), a set over them, and the indexes the rules need. Rows are only appended
 * during a tick, so "the rows since row n" is how semi-naive evaluation finds its deltas.
 */
final class TupleStore {
  final int arity;
  RowChunks rows;
  int size;
  private int[] table = new int[16]; // row + 1; 0 = empty
  private int mask = 15;
  final Index[] indexes;
  /** The key of a keyed table (§11 Keyed tables, lattices and extern tables), or null. */
  Keying keying;
  /** Counts changes to the contents: a raised lattice value changes them without adding a row. */
  long version;
  private long[] joined;

  /*
   * Narrow relations (one column, or two that fit in 32 bits each) keep the set as the packed tuples
   * themselves: a membership test then touches one array slot instead of a slot and a row, which is
   * what dominates recursive rules that rederive many known facts. A wider value switches the store to
   * the general table of row numbers for good.
   */
  private static final long EMPTY = 0x8000_0000_5EED_F00DL;
  private boolean packed;
  private long[] keys;
  private boolean holdsEmptyKey;
  /*
   * Smaller still while every value is a small non-negative number (node ids, string ids): the key
   * fits in an int, halving the table, which keeps large sets in the cache. Stored as key + 1; 0 is
   * empty. The first larger value widens the set to long keys.
   */
  private int[] small;
  /*
   * Densest of all, for two columns of small non-negative values (node ids below a few thousand): the
   * set is a row of bits per first value, bit b of row a for the pair (a, b), each row made when its
   * first value first comes. A small set switches to it when it grows and the rows would take no more
   * memory than its next table: the transitive closure of a 1,000-node graph (600,000 pairs) is then
   * 128 KB of bits that stay in the cache, instead of a 4 MB table probed at random (docs/benchmarks.md,
   * "Start-up, aggregation and negation"), and a relation of some hundred sources and the thousands of
   * nodes each reaches takes a row per source, not bits for every pair of nodes ("Tenth round"). A
   * value out of range grows the rows while that stays as cheap, and so does a new first value;
   * otherwise the set goes back to the small table.
   */
  private long[][] bitRows;
  /** How many bits a first value has (there are {@code 1 << shiftA} rows) and a second (a row's width). */
  private int shiftA;
  private int shiftB;
  /** How many rows of bits are made. */
  private int bitRowCount;
  /** The bits of every first and every second value the small set has held: bounds for the bitmap. */
  private long spanA;
  private long spanB;
  private static final int MAX_SHIFT = 15;

  TupleStore(int arity, List<int[]> indexColumns) {
    this(arity, indexColumns, arity == 1 || arity == 2);
  }

  TupleStore(int arity, List<int[]> indexColumns, boolean packable) {
    this.arity = arity;
    this.packed = packable;
    if (packed) {
      small = new int[16];
      table = null;
    }
    this.rows = new RowChunks(arity, 16);
    this.indexes = new Index[indexColumns.size()];
    for (int i = 0; i < indexes.length; i++) {
      indexes[i] = new Index(indexColumns.get(i));
    }
  }

  int size() {
    return size;
  }

  long get(int row, int column) {
    return rows.get(row, column);
  }

  /** Makes this the store of a keyed table. */
  void keyBy(Keying keying) {
    this.keying = keying;
    this.joined = new long[arity];
  }

  /**
   * Adds {@code tuple[0..arity)}; false when it was already there. For a keyed table: a new key adds
   * a row; a lattice key whose value rises gets a new row (the old one dies until {@link #compact()});
   * a different row for a plain key throws a {@link KeyConflict}.
   */
  boolean add(long[] tuple) {
    buildSet();
    if (keying != null) {
      return addKeyed(tuple);
    }
    if (addRow(tuple)) {
      version++;
      return true;
    }
    return false;
  }

  private boolean addKeyed(long[] tuple) {
    int held = keying.rowOf(rows, tuple);
    if (held < 0) {
      addRow(tuple);
      keying.put(rows, size - 1);
      version++;
      return true;
    }
    if (keying.lattice) {
      if (!keying.join(rows, held, tuple, joined)) {
        return false;
      }
      addRow(joined);
      keying.put(rows, size - 1);
      keying.kill(held);
      version++;
      return true;
    }
    for (int c = keying.keyColumns; c < arity; c++) {
      if (rows.get(held, c) != tuple[c]) {
        throw new KeyConflict(row(held), Arrays.copyOf(tuple, arity));
      }
    }
    return false;
  }

  /** The row that holds {@code tuple}'s key in a keyed table, or -1. */
  int rowWithKey(long[] tuple) {
    return keying.rowOf(rows, tuple);
  }

  /** Whether adding {@code tuple} would change the contents. */
  boolean wouldChange(long[] tuple) {
    if (keying == null) {
      return !contains(tuple);
    }
    return keying.changes(rows, tuple, new long[arity]);
  }

  /** Rows that a raised lattice value left behind, if any: drops them; returns how many. */
  int compact() {
    if (keying == null || keying.deadCount == 0) {
      return 0;
    }
    RowChunks old = rows;
    int oldSize = size;
    java.util.BitSet dead = (java.util.BitSet) keying.dead.clone();
    long keep = version;
    rows = new RowChunks(arity, oldSize - keying.deadCount);
    clear();
    long[] tuple = new long[arity];
    for (int r = 0; r < oldSize; r++) {
      if (!dead.get(r)) {
        old.copy(r, tuple, arity);
        addRow(tuple);
        keying.put(rows, size - 1);
      }
    }
    version = keep; // the same contents, fewer rows
    return oldSize - size;
  }

  private boolean addRow(long[] tuple) {
    if (bitRows != null) {
      long a = tuple[0];
      long b = tuple[1];
      if ((((a >>> shiftA) | (b >>> shiftB)) == 0 || growDense(a, b)) && (bitRows[(int) a] != null || newBitRow(a))) {
        long[] row = bitRows[(int) a];
        int word = (int) (b >>> 6);
        long mask = 1L << b;
        if ((row[word] & mask) != 0) {
          return false;
        }
        row[word] |= mask;
        indexRow(appendRow(tuple));
        return true;
      }
    }
    if (small != null) {
      int key = smallKey(tuple);
      if (key != 0) {
        return addSmall(key, tuple);
      }
      widen();
    }
    if (packed) {
      if (fitsPacked(tuple)) {
        return addPacked(pack(tuple), tuple);
      }
      unpack();
    }
    int slot = find(tuple);
    if (table[slot] != 0) {
      return false;
    }
    append(tuple, slot);
    return true;
  }

  /**
   * Loads the set's slots for {@code count} tuples packed in {@code batch}, all together: their cache
   * misses overlap, and the probes that follow find the slots in the cache.
   */
  void touch(long[] batch, int count) {
    if (setless || bitRows != null) {
      return;
    }
    if (small != null && count > 8) {
      int[] small = this.small;
      int m = small.length - 1;
      int touched = 0;
      for (int i = 0; i < count; i++) {
        int base = i * arity;
        long a = batch[base];
        long b = arity == 1 ? 0 : batch[base + 1];
        touched += small[smallHash(arity == 1 ? (int) a + 1 : smallPairKey(a, b)) & m];
      }
      this.touched = touched;
    } else if (packed && count > 8) {
      long[] keys = this.keys;
      int m = keys.length - 1;
      long touched = 0;
      for (int i = 0; i < count; i++) {
        int base = i * arity;
        long key = arity == 1 ? batch[base] : (batch[base] << 32) | (batch[base + 1] & 0xFFFF_FFFFL);
        touched += keys[keyHash(key) & m];
      }
      this.touched = touched;
    }
  }

  /**
   * Adds {@code count} tuples packed in {@code batch}; returns how many were new. For a packed set the
   * slots are first touched all together, so that the cache misses of a batch overlap instead of
   * being paid one after another.
   */
  int addAll(long[] batch, int count, long[] tuple) {
    if (trusting) {
      for (int i = 0; i < count; i++) {
        System.arraycopy(batch, i * arity, tuple, 0, arity);
        indexRow(appendRow(tuple));
      }
      version += count; // one a row, as add counts: ClusteredIndex follows the store by it
      return count;
    }
    buildSet();
    if (keying == null && arity == 2 && small != null && bitRows == null && count > 8) {
      return addSmallPairs(batch, count, tuple);
    }
    int added = 0;
    touch(batch, count);
    for (int i = 0; i < count; i++) {
      System.arraycopy(batch, i * arity, tuple, 0, arity);
      if (add(tuple)) {
        added++;
      }
    }
    return added;
  }

  /** Each pair's key and home slot in the small set, from {@link #addSmallPairs}'s first pass. */
  private int[] batchKeys = new int[0];
  private int[] batchSlots = new int[0];

  /**
   * {@link #addAll} for a small set of pairs, where a recursive rule rederives known pairs many times
   * over (CSPA's value alias: 6.6 million derivations of 191,786 pairs): a first pass computes each
   * pair's key and home slot once and loads the slots together, and a known pair is then one probe,
   * never copied out of the batch. The same rows in the same order as {@link #add} one after another:
   * a pair too large for the small set, or a set that grows or becomes rows of bits midway, sends the
   * rest of the batch through {@link #add}.
   */
  private int addSmallPairs(long[] batch, int count, long[] tuple) {
    if (batchKeys.length < count) {
      batchKeys = new int[count];
      batchSlots = new int[count];
    }
    int[] keys = batchKeys;
    int[] slots = batchSlots;
    int[] set = small;
    int m = set.length - 1;
    int fitting = count;
    int touched = 0;
    for (int i = 0; i < count; i++) {
      int key = smallPairKey(batch[2 * i], batch[2 * i + 1]);
      if (key == 0) {
        fitting = i;
        break;
      }
      int slot = smallHash(key) & m;
      keys[i] = key;
      slots[i] = slot;
      touched += set[slot];
    }
    this.touched = touched;
    int added = 0;
    int i = 0;
    for (; i < fitting && small == set; i++) {
      int key = keys[i];
      int slot = slots[i];
      int k;
      while ((k = set[slot]) != key && k != 0) {
        slot = (slot + 1) & m;
      }
      if (k == 0) {
        set[slot] = key;
        tuple[0] = batch[2 * i];
        tuple[1] = batch[2 * i + 1];
        appendSmallRow(tuple);
        version++;
        added++;
      }
    }
    for (; i < count; i++) {
      System.arraycopy(batch, 2 * i, tuple, 0, 2);
      if (add(tuple)) {
        added++;
      }
    }
    return added;
  }

  /**
   * Adds the first {@code count} rows of {@code data} as {@link #add} would one after another (the same rows,
   * in the same order, the same {@link KeyConflict}), but with the row array and the set sized once for
   * all of them and each index built once at the end: how facts files load. Returns how many were new.
   */
  int addBulk(RowChunks data, int count) {
    if (count == 0) {
      return 0;
    }
    buildSet();
    int before = size;
    reserveRows(count);
    if (keying == null) {
      reserveSet(count);
    }
    long[] tuple = new long[arity];
    deferIndexing = true;
    try {
      if (keying == null && (small != null || packed)) {
        addInBatches(data, count, tuple);
      } else {
        for (int i = 0; i < count; i++) {
          data.copy(i, tuple, arity);
          add(tuple);
        }
      }
    } finally {
      deferIndexing = false;
      for (Index index : indexes) {
        index.addRows(this, before, size);
      }
    }
    return size - before;
  }

  private static final int BULK_BATCH = 512;

  /**
   * A facts file's rows through {@link #addAll}, a batch at a time: the probes of a batch's slots in a
   * set sized for the whole file overlap their cache misses (triangle's 600,000 edges: a 4 MB set).
   * Only for the sets of packed keys that {@link #touch} loads ahead: for a table of row numbers the
   * batch would be one more copy of each row (shortest paths' million weighted edges: 4-7 % slower).
   */
  private void addInBatches(RowChunks data, int count, long[] tuple) {
    long[] batch = new long[arity * Math.min(count, BULK_BATCH)];
    for (int from = 0; from < count; from += BULK_BATCH) {
      int n = Math.min(BULK_BATCH, count - from);
      for (int i = 0; i < n; i++) {
        data.copy(from + i, batch, i * arity, arity);
      }
      addAll(batch, n, tuple);
    }
  }

  /*
   * While a rule that derives each head tuple at most once (DistinctHeads) runs on an empty relation,
   * its rows are appended without a probe of the set; the set is built from the rows when something
   * first needs it, which for a relation only scanned afterwards is never.
   */
  private boolean trusting;
  private boolean setless;

  /** Starts or ends appending without probes; starts only on an empty relation without a key. */
  void trustAppends(boolean on) {
    if (!on) {
      trusting = false;
    } else if (size == 0 && keying == null) {
      trusting = true;
      setless = true;
    }
  }

  /** Puts the rows appended without probes into the set (it was empty when they began). */
  private void buildSet() {
    if (!setless) {
      return;
    }
    trusting = false;
    setless = false;
    RowChunks old = rows;
    int count = size;
    rows = new RowChunks(arity, count);
    size = 0;
    reserveSet(count);
    long[] tuple = new long[arity];
    deferIndexing = true; // the indexes already hold these rows, with the same numbers
    try {
      for (int r = 0; r < count; r++) {
        old.copy(r, tuple, arity);
        addRow(tuple);
      }
    } finally {
      deferIndexing = false;
    }
  }

  /** Whether rows are being added in bulk, to be indexed at the end ({@link #addBulk}). */
  private boolean deferIndexing;

  private void reserveRows(int more) {
    rows.reserve((int) Math.min((long) size + more, Integer.MAX_VALUE - RowChunks.ROWS));
  }

  /** Sizes the set for {@code more} rows beyond those held, so that it does not grow step by step. */
  private void reserveSet(int more) {
    long wanted = (long) size + more;
    if (bitRows != null) {
      return; // rows of bits hold any number of pairs in their range
    }
    if (small != null) {
      int capacity = small.length;
      while (wanted * 10L > capacity * 7L && capacity < (1 << 30)) {
        capacity *= 2;
      }
      if (capacity > small.length) {
        resizeSmall(capacity, false); // rows of bits are judged by the rows held, and these are yet to come
      }
    } else if (packed) {
      while (wanted * 10L > keys.length * 7L && keys.length < (1 << 30)) {
        growKeys();
      }
    } else {
      int capacity = table.length;
      while (wanted * 2 > capacity && capacity < (1 << 30)) {
        capacity *= 2;
      }
      if (capacity > table.length) {
        table = new int[capacity >> 1];
        growTable();
      }
    }
  }

  @SuppressWarnings("unused")
  private long touched; // keeps the touching loads alive

  /** The row holding {@code tuple}, adding it if needed. */
  int rowOf(long[] tuple) {
    buildSet();
    if (bitRows != null) {
      leaveDense();
    }
    if (small != null) {
      widen();
    }
    if (packed) {
      unpack();
    }
    int slot = find(tuple);
    if (table[slot] != 0) {
      return table[slot] - 1;
    }
    return append(tuple, slot);
  }

  boolean contains(long[] tuple) {
    buildSet();
    if (bitRows != null) {
      long a = tuple[0];
      long b = tuple[1];
      if (((a >>> shiftA) | (b >>> shiftB)) != 0) {
        return false; // every pair held is in the range
      }
      long[] row = bitRows[(int) a];
      return row != null && (row[(int) (b >>> 6)] & (1L << b)) != 0;
    }
    if (small != null) {
      int key = smallKey(tuple);
      if (key == 0) {
        return false; // every tuple held is small, or the set would have been widened
      }
      int[] small = this.small;
      int m = small.length - 1;
      int slot = smallHash(key) & m;
      while (true) {
        int k = small[slot];
        if (k == key) {
          return true;
        }
        if (k == 0) {
          return false;
        }
        slot = (slot + 1) & m;
      }
    }
    if (packed) {
      if (!fitsPacked(tuple)) {
        return false; // every tuple held fits, or the store would have been unpacked
      }
      long key = pack(tuple);
      if (key == EMPTY) {
        return holdsEmptyKey;
      }
      long[] keys = this.keys;
      int m = keys.length - 1;
      int slot = keyHash(key) & m;
      while (true) {
        long k = keys[slot];
        if (k == key) {
          return true;
        }
        if (k == EMPTY) {
          return false;
        }
        slot = (slot + 1) & m;
      }
    }
    return table[find(tuple)] != 0;
  }

  /** Whether row {@code row} holds {@code tuple}'s values. */
  boolean rowEquals(int row, long[] tuple) {
    return rows.startsWith(row, tuple, 0, arity);
  }

  long[] row(int row) {
    return rows.row(row, arity);
  }

  void clear() {
    trusting = false;
    setless = false; // a setless store's set holds nothing (it began empty), as after clearing
    if (keying != null) {
      keying.clear();
    }
    if (size == 0) {
      return;
    }
    version++;
    size = 0;
    spanA = 0;
    spanB = 0;
    if (bitRows != null) {
      for (long[] row : bitRows) {
        if (row != null) {
          Arrays.fill(row, 0);
        }
      }
    } else if (small != null) {
      Arrays.fill(small, 0);
    } else if (packed) {
      Arrays.fill(keys, EMPTY);
      holdsEmptyKey = false;
    } else {
      Arrays.fill(table, 0);
    }
    for (Index index : indexes) {
      index.clear();
    }
  }

  /** Keeps the rows that {@code removed} does not hold; rebuilds the set and the indexes. */
  int removeAll(TupleStore removed) {
    if (removed.size == 0 || size == 0) {
      return 0;
    }
    RowChunks old = rows;
    int oldSize = size;
    rows = new RowChunks(arity, oldSize);
    clear();
    long[] tuple = new long[arity];
    int kept = 0;
    for (int r = 0; r < oldSize; r++) {
      old.copy(r, tuple, arity);
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
    int row = appendRow(tuple);
    table[slot] = row + 1;
    if (size * 2 > table.length) {
      growTable();
    }
    indexRow(row);
    return row;
  }

  private int appendRow(long[] tuple) {
    int row = size;
    rows.put(row, tuple, arity);
    size++;
    return row;
  }

  private void indexRow(int row) {
    if (deferIndexing) {
      return;
    }
    for (Index index : indexes) {
      index.add(this, row);
    }
  }

  /** The tuple's small key + 1, or 0 when it is not small. */
  private int smallKey(long[] tuple) {
    long a = tuple[0];
    if (arity == 1) {
      return a >= 0 && a < Integer.MAX_VALUE ? (int) a + 1 : 0;
    }
    return smallPairKey(a, tuple[1]);
  }

  /** The small key + 1 of the pair ({@code a}, {@code b}), or 0 when it is not small. */
  private static int smallPairKey(long a, long b) {
    return (a & ~0x7FFFL) == 0 && (b & ~0xFFFFL) == 0 ? (int) ((a << 16) | b) + 1 : 0;
  }

  private static int smallHash(int key) { // murmur3's finalizer: every key bit reaches the low bits
    int h = key ^ (key >>> 16);
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    return h ^ (h >>> 16);
  }

  private boolean addSmall(int key, long[] tuple) {
    int[] small = this.small;
    int m = small.length - 1;
    int slot = smallHash(key) & m;
    while (true) {
      int k = small[slot];
      if (k == key) {
        return false;
      }
      if (k == 0) {
        small[slot] = key;
        break;
      }
      slot = (slot + 1) & m;
    }
    appendSmallRow(tuple);
    return true;
  }

  /**
   * Appends a row whose key has just entered the small set, and grows the set when it is 70 % full. A
   * method of its own, out of {@link #addSmallPairs}'s probe loop, whose pairs are mostly known: with
   * this inside the loop, cspa peaked 5 MB higher in some runs (docs/benchmarks.md, "Eleventh round").
   */
  private void appendSmallRow(long[] tuple) {
    if (arity == 2) {
      spanA |= tuple[0];
      spanB |= tuple[1];
    }
    int row = appendRow(tuple);
    if (size * 10L > small.length * 7L) {
      resizeSmall(small.length * 2, true);
    }
    indexRow(row);
  }

  /**
   * Rehashes the small keys into a table of {@code capacity} slots (a power of two), or, when {@code
   * mayGoDense}, makes the set rows of bits if they would be no larger.
   */
  private void resizeSmall(int capacity, boolean mayGoDense) {
    if (mayGoDense && arity == 2 && enterDense(bitsFor(spanA), bitsFor(spanB), capacity, -1)) {
      return;
    }
    int[] grown = new int[capacity];
    int gm = capacity - 1;
    for (int k : small) {
      if (k != 0) {
        int g = smallHash(k) & gm;
        while (grown[g] != 0) {
          g = (g + 1) & gm;
        }
        grown[g] = k;
      }
    }
    small = grown;
  }

  /** Whether the set is rows of bits now: a pair's test is then one bit's ({@link EmitStep}). */
  boolean isBitmap() {
    return bitRows != null;
  }

  /** How many low bits hold every value that set bits in {@code span}. */
  private static int bitsFor(long span) {
    return 64 - Long.numberOfLeadingZeros(span);
  }

  /** The longs of a row of {@code 1 << shiftB} bits. */
  private static int rowWords(int shiftB) {
    return ((1 << shiftB) + 63) >>> 6;
  }

  /** What {@code rows} rows of bits take, with the array that holds them. */
  private static long bitRowBytes(long rows, int shiftA, int shiftB) {
    return rows * (rowWords(shiftB) * 8L + 16) + (4L << shiftA) + 16;
  }

  /** The slots (a power of two, at most 70 % full) of a set's table that {@code count} keys need. */
  private static int setCapacity(long count) {
    int capacity = 16;
    while (capacity * 7L < count * 10L && capacity < (1 << 30)) {
      capacity *= 2;
    }
    return capacity;
  }

  /**
   * Makes the set rows of bits for first values below {@code 1 << newShiftA} and second values below
   * {@code 1 << newShiftB} when they take no more memory than a small table of {@code capacity} slots,
   * counting a row for {@code extraA} too when it is not -1; false when they would take more (or a
   * value is too large).
   */
  private boolean enterDense(int newShiftA, int newShiftB, int capacity, long extraA) {
    newShiftA = Math.max(newShiftA, 3);
    newShiftB = Math.max(newShiftB, 3);
    long budget = capacity * 4L;
    if (newShiftA > MAX_SHIFT || newShiftB > MAX_SHIFT || bitRowBytes(1, newShiftA, newShiftB) > budget) {
      return false;
    }
    RowChunks rows = this.rows;
    boolean[] seen = new boolean[1 << newShiftA];
    int distinct = 0;
    if (bitRowBytes(Math.min(size + 1L, 1L << newShiftA), newShiftA, newShiftB) > budget) {
      for (int r = 0; r < size; r++) {
        int a = (int) rows.get(r, 0);
        if (!seen[a]) {
          seen[a] = true;
          distinct++;
        }
      }
      if (extraA >= 0 && !seen[(int) extraA]) {
        distinct++;
      }
      if (bitRowBytes(distinct, newShiftA, newShiftB) > budget) {
        return false;
      }
    }
    long[][] made = new long[1 << newShiftA][];
    int words = rowWords(newShiftB);
    int count = 0;
    for (int r = 0; r < size; r++) {
      int a = (int) rows.get(r, 0);
      long b = rows.get(r, 1);
      long[] row = made[a];
      if (row == null) {
        row = made[a] = new long[words];
        count++;
      }
      row[(int) (b >>> 6)] |= 1L << b;
    }
    bitRows = made;
    bitRowCount = count;
    shiftA = newShiftA;
    shiftB = newShiftB;
    small = null;
    return true;
  }

  /**
   * Makes the row of bits for first value {@code a} when the rows stay no larger than the small table
   * the pairs would need, with the new one; otherwise goes back to the small table. True when the row
   * is made.
   */
  private boolean newBitRow(long a) {
    if (bitRowBytes(bitRowCount + 1L, shiftA, shiftB) > setCapacity(size + 1L) * 4L) {
      leaveDense();
      return false;
    }
    bitRows[(int) a] = new long[rowWords(shiftB)];
    bitRowCount++;
    return true;
  }

  /**
   * Makes room in the rows of bits for the pair ({@code a}, {@code b}) when they stay no larger than
   * the small table the pairs would need; otherwise goes back to the small table. True when the pair
   * now fits.
   */
  private boolean growDense(long a, long b) {
    if (a >= 0 && b >= 0
        && enterDense(Math.max(bitsFor(a), shiftA), Math.max(bitsFor(b), shiftB), setCapacity(size + 1L), a)) {
      return true;
    }
    leaveDense();
    return false;
  }

  /** From the rows of bits back to the small table of int keys (every pair held fits one). */
  private void leaveDense() {
    bitRows = null;
    bitRowCount = 0;
    int capacity = setCapacity(size + 1L);
    int[] table = new int[capacity];
    int m = capacity - 1;
    RowChunks rows = this.rows;
    long a = 0;
    long b = 0;
    for (int r = 0; r < size; r++) {
      long first = rows.get(r, 0);
      long second = rows.get(r, 1);
      a |= first;
      b |= second;
      int key = smallPairKey(first, second);
      int slot = smallHash(key) & m;
      while (table[slot] != 0) {
        slot = (slot + 1) & m;
      }
      table[slot] = key;
    }
    spanA = a;
    spanB = b;
    small = table;
  }

  /** From small int keys to long keys: a value no longer fits. */
  private void widen() {
    int capacity = setCapacity(size + 1L);
    small = null;
    keys = new long[capacity];
    Arrays.fill(keys, EMPTY);
    holdsEmptyKey = false;
    int m = capacity - 1;
    long[] t = new long[arity];
    for (int r = 0; r < size; r++) {
      rows.copy(r, t, arity);
      long key = pack(t);
      if (key == EMPTY) {
        holdsEmptyKey = true;
        continue;
      }
      int slot = keyHash(key) & m;
      while (keys[slot] != EMPTY) {
        slot = (slot + 1) & m;
      }
      keys[slot] = key;
    }
  }

  private boolean fitsPacked(long[] tuple) {
    return arity == 1 || (tuple[0] == (int) tuple[0] && tuple[1] == (int) tuple[1]);
  }

  private long pack(long[] tuple) {
    return arity == 1 ? tuple[0] : (tuple[0] << 32) | (tuple[1] & 0xFFFF_FFFFL);
  }

  private static int keyHash(long key) {
    return finish(mix(0x9E3779B97F4A7C15L, key));
  }

  private boolean addPacked(long key, long[] tuple) {
    if (key == EMPTY) {
      if (holdsEmptyKey) {
        return false;
      }
      holdsEmptyKey = true;
    } else {
      long[] keys = this.keys;
      int m = keys.length - 1;
      int slot = keyHash(key) & m;
      while (true) {
        long k = keys[slot];
        if (k == key) {
          return false;
        }
        if (k == EMPTY) {
          keys[slot] = key;
          break;
        }
        slot = (slot + 1) & m;
      }
    }
    int row = appendRow(tuple);
    // up to 70% full: probes stay short, and a table of a few million keys still fits in the L3 cache
    if (size * 10L > keys.length * 7L) {
      growKeys();
    }
    indexRow(row);
    return true;
  }

  private void growKeys() {
    long[] old = keys;
    long[] grown = new long[old.length * 2];
    Arrays.fill(grown, EMPTY);
    int m = grown.length - 1;
    for (long k : old) {
      if (k != EMPTY) {
        int slot = keyHash(k) & m;
        while (grown[slot] != EMPTY) {
          slot = (slot + 1) & m;
        }
        grown[slot] = k;
      }
    }
    keys = grown;
  }

  /** Switches to the general table of row numbers (a value no longer fits in a packed key). */
  private void unpack() {
    packed = false;
    keys = null;
    int capacity = 16;
    while (capacity < size * 2 + 2) {
      capacity *= 2;
    }
    table = new int[capacity];
    mask = capacity - 1;
    int n = size;
    size = 0;
    long[] t = new long[arity];
    for (int r = 0; r < n; r++) {
      rows.copy(r, t, arity);
      int slot = find(t);
      table[slot] = r + 1;
      size++;
    }
  }

  private int find(long[] tuple) {
    int slot = hash(tuple) & mask;
    RowChunks rows = this.rows;
    while (true) {
      int entry = table[slot];
      if (entry == 0) {
        return slot;
      }
      if (rowEquals(entry - 1, tuple)) {
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
      for (int c = 0; c < arity; c++) {
        h = mix(h, rows.get(r, c));
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
