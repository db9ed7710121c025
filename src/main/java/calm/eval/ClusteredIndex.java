package calm.eval;

import java.util.Arrays;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.stream.IntStream;

/**
 * An index of a plain (unkeyed) relation on some of its columns that keeps, for each key, the other
 * columns of its rows side by side in one array: a lookup then reads one run of memory instead of
 * following a chain from row to row across the whole relation, which is a cache miss per row once the
 * relation outgrows the cache. It is what a sorted B-tree gives Soufflé, kept up to date by appending.
 *
 * <p>It follows its store rather than being told of each insertion: before a lookup, {@link #sync}
 * appends the rows added since the last one (the store's version counts one change per added row),
 * and rebuilds after anything else (a new tick's clear, deletions). A lookup walks a key's values
 * newest first and only those present when it started, the order and the view of {@link Index}'s
 * chains, so that results and messages stay the same.
 */
final class ClusteredIndex {
  private final int[] keyColumns;
  private final int[] restColumns;
  private final int width;
  private int[] slots = new int[16]; // entry + 1; 0 = empty
  private int mask = 15;
  private long[] entryKeys;
  /**
   * Per entry, the values of {@link #restColumns} of its rows, row after row, while they are read as
   * longs: once {@link #narrow} is false, or always for an index kept in sorted runs.
   */
  long[][] values = new long[8][];
  /**
   * The same lists in ints while every value fits one (node numbers and string ids, mostly), half the
   * memory: andersen's index of 626,649 points-to pairs held 5 MB of lists and as much again of the
   * copies its lists outgrew. The first value that does not fit makes every list longs ({@link #widen}).
   */
  int[][] narrowValues = new int[8][];
  /** Whether the lists are {@link #narrowValues}. */
  boolean narrow = true;
  /** Per entry, how many values of {@link #values} are used. */
  int[] lengths = new int[8];
  private int entries;
  /**
   * With one column besides the key, per entry a hash set of its values (open addressing, {@link
   * #EMPTY} marks a free slot, {@link #holdsEmpty} the entries that hold that value itself), made
   * when the entry is first asked ({@link #buildSet}): whether a derived fact is already known is then
   * answered next to the other facts with the same key, which the rule that derives it is usually
   * still visiting, instead of by a probe anywhere in the relation.
   */
  private long[][] sets;
  private boolean[] holdsEmpty;
  /** Whether any entry has its set made. */
  private boolean setsMade;
  /**
   * For an index kept in sorted runs ({@link #sortedRun}), per entry how many of its values are in
   * ascending order; null for an index read in insertion order.
   */
  private int[] sortedLengths;
  private static final long EMPTY = 0x8000_0000_5EED_F00DL;
  private long lastKey;
  private int lastEntry = -1;
  private int indexedRows;
  private long seenVersion;
  private final long[] key;

  ClusteredIndex(int arity, int[] keyColumns, boolean withSets) {
    this(arity, keyColumns);
    if (withSets && width == 1) {
      sets = new long[8][];
      holdsEmpty = new boolean[8];
    }
  }

  /** An index whose values (one column) {@link #sortedRun} hands out in ascending order. */
  static ClusteredIndex sorted(int arity, int[] keyColumns) {
    ClusteredIndex index = new ClusteredIndex(arity, keyColumns);
    if (index.width != 1) {
      throw new IllegalArgumentException("sorted runs need one column besides the key");
    }
    index.sortedLengths = new int[8];
    index.narrow = false; // IntersectStep reads the runs as longs
    index.narrowValues = null;
    return index;
  }

  ClusteredIndex(int arity, int[] keyColumns) {
    this.keyColumns = keyColumns;
    this.restColumns = restColumns(arity, keyColumns);
    this.width = restColumns.length;
    this.entryKeys = new long[8 * keyColumns.length];
    this.key = new long[keyColumns.length];
  }

  /** The columns a lookup's values hold, in order: those of {@code arity} not in {@code keyColumns}. */
  static int[] restColumns(int arity, int[] keyColumns) {
    boolean[] isKey = new boolean[arity];
    for (int c : keyColumns) {
      isKey[c] = true;
    }
    return IntStream.range(0, arity).filter(c -> !isKey[c]).toArray();
  }

  /** Brings the index up to {@code store}'s current rows. */
  void sync(TupleStore store) {
    long version = store.version;
    if (version == seenVersion) {
      return;
    }
    int size = store.size;
    // adding a row adds one to both: anything else (a clear, deletions) changes their difference
    if (size < indexedRows || version - seenVersion != size - indexedRows) {
      clear();
    }
    if (setsMade && store.isBitmap()) {
      // the store's rows of bits are asked instead (EmitStep, MembershipStep): the sets made while
      // the store was small would only be kept up to date for nothing
      Arrays.fill(sets, 0, entries, null);
      setsMade = false;
    }
    addRows(store.rows, indexedRows, size);
    indexedRows = size;
    seenVersion = version;
  }

  private int rangeFrom = -1;
  private long rangeGeneration;

  /** Makes this the index of rows {@code from} to {@code to} of {@code store}, unless it already is. */
  void cover(TupleStore store, int from, int to) {
    long generation = store.version - store.size;
    if (from == rangeFrom && to == indexedRows && generation == rangeGeneration) {
      return;
    }
    clear();
    addRows(store.rows, from, to);
    rangeFrom = from;
    indexedRows = to;
    rangeGeneration = generation;
  }

  /**
   * For a one-column key whose values are dense (node numbers, say), each value's entry + 1 (0: none)
   * at the value minus {@link #directLow}: a lookup reads one int instead of probing the hash table
   * and comparing keys in another array. Null while the keys are sparse or few; looked at again each
   * time the entries have doubled.
   */
  private int[] direct;
  private long directLow;
  private int directCheckedAt;

  /** The entry holding {@code keyValues} (in key column order), or -1. */
  int find(long[] keyValues) {
    int[] direct = this.direct;
    if (direct != null) {
      long d = keyValues[0] - directLow; // wraps only for values outside the table, which stay outside
      return d >= 0 && d < direct.length ? direct[(int) d] - 1 : -1;
    }
    if (entries >= 64 && entries >= 2 * directCheckedAt && keyColumns.length == 1 && makeDirect()) {
      return find(keyValues);
    }
    int slot = hash(keyValues) & mask;
    int k = keyColumns.length;
    while (true) {
      int e = slots[slot];
      if (e == 0) {
        return -1;
      }
      int entry = e - 1;
      if (sameKey(entry, keyValues, k)) {
        return entry;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Makes {@link #direct} if the keys span at most four values per entry. */
  private boolean makeDirect() {
    directCheckedAt = entries;
    long low = Long.MAX_VALUE;
    long high = Long.MIN_VALUE;
    for (int e = 0; e < entries; e++) {
      low = Math.min(low, entryKeys[e]);
      high = Math.max(high, entryKeys[e]);
    }
    long span = high - low + 1;
    if (span <= 0 || span > 4L * entries) { // <= 0: the difference overflowed
      return false;
    }
    int[] table = new int[(int) span];
    for (int e = 0; e < entries; e++) {
      table[(int) (entryKeys[e] - low)] = e + 1;
    }
    directLow = low;
    direct = table;
    return true;
  }

  /** {@link #find} for a one-column key; the entry last found is remembered. */
  int find1(long keyValue) {
    if (keyValue == lastKey && lastEntry >= 0) {
      return lastEntry;
    }
    long[] one = key;
    one[0] = keyValue;
    int entry = find(one);
    lastKey = keyValue;
    lastEntry = entry;
    return entry;
  }

  /** Whether a row holds {@code keyValue} in its key column and {@code value} in the other (an index with sets). */
  boolean holdsPair(long keyValue, long value) {
    int entry = find1(keyValue);
    return entry >= 0 && holds(entry, value);
  }

  /** Whether {@code entry}'s rows hold {@code value} in their one other column (an index with sets). */
  boolean holds(int entry, long value) {
    long[] set = sets[entry];
    if (set == null) {
      set = buildSet(entry);
    }
    if (value == EMPTY) {
      return holdsEmpty[entry];
    }
    int m = set.length - 1;
    int slot = TupleStore.finish(TupleStore.mix(0x9E3779B97F4A7C15L, value)) & m;
    while (true) {
      long v = set[slot];
      if (v == value) {
        return true;
      }
      if (v == EMPTY) {
        return false;
      }
      slot = (slot + 1) & m;
    }
  }

  /**
   * {@code entry}'s values in ascending order, the first {@code lengths[entry]} of the array returned
   * (an index made by {@link #sorted}). Values appended since the last call are sorted in with a new
   * array rather than in place: a loop further out in the same rule may still be reading the old one.
   */
  long[] sortedRun(int entry) {
    long[] list = values[entry];
    int n = lengths[entry];
    if (sortedLengths[entry] != n) {
      list = Arrays.copyOf(list, list.length);
      sortIfNeeded(list, n);
      values[entry] = list;
      sortedLengths[entry] = n;
    }
    return list;
  }

  /** Sorts {@code list}'s first {@code n} values, after a look that often finds them in order already. */
  private static void sortIfNeeded(long[] list, int n) {
    for (int i = 1; i < n; i++) {
      if (list[i - 1] > list[i]) {
        Arrays.sort(list, 0, n);
        return;
      }
    }
  }

  /** The {@code i}th value of {@code entry}'s list. */
  long value(int entry, int i) {
    return narrow ? narrowValues[entry][i] : values[entry][i];
  }

  /** Makes every list longs, for a value that does not fit an int; lists past the entries are dropped. */
  private void widen() {
    for (int e = 0; e < narrowValues.length; e++) {
      int[] narrowList = narrowValues[e];
      if (narrowList != null && e < entries) {
        long[] list = new long[narrowList.length];
        for (int i = 0; i < list.length; i++) { // all of it: a row being written is past the length
          list[i] = narrowList[i];
        }
        values[e] = list;
      }
    }
    narrowValues = null;
    narrow = false;
  }

  /** Whether any entry's set is made now (for tests). */
  boolean madeSets() {
    return setsMade;
  }

  boolean hasSets() {
    return sets != null;
  }

  /**
   * Makes {@code entry}'s set from its values, when it is first asked: a store whose own set answers
   * as fast (rows of bits, {@link TupleStore#isBitmap}) is asked instead, and its index then never
   * makes sets (andersen's points-to: 18 MB of them).
   */
  private long[] buildSet(int entry) {
    int n = lengths[entry];
    long[] set = new long[Math.max(4, Integer.highestOneBit(Math.max(1, n * 2 - 1)) << 1)];
    Arrays.fill(set, EMPTY);
    for (int i = 0; i < n; i++) {
      long value = value(entry, i);
      if (value == EMPTY) {
        holdsEmpty[entry] = true;
      } else {
        insert(set, value);
      }
    }
    sets[entry] = set;
    setsMade = true;
    return set;
  }

  /** Adds a value to {@code entry}'s set, once it has one. */
  private void addToSet(int entry, long value, int count) {
    if (value == EMPTY) {
      holdsEmpty[entry] = true;
      return;
    }
    long[] set = sets[entry];
    if (set == null) {
      return;
    }
    if (count * 2 > set.length) {
      long[] grown = new long[set.length * 2];
      Arrays.fill(grown, EMPTY);
      for (long v : set) {
        if (v != EMPTY) {
          insert(grown, v);
        }
      }
      set = grown;
      sets[entry] = set;
    }
    insert(set, value);
  }

  private static void insert(long[] set, long value) {
    int m = set.length - 1;
    int slot = TupleStore.finish(TupleStore.mix(0x9E3779B97F4A7C15L, value)) & m;
    while (set[slot] != EMPTY) {
      slot = (slot + 1) & m;
    }
    set[slot] = value;
  }

  private boolean sameKey(int entry, long[] keyValues, int k) {
    int base = entry * k;
    for (int i = 0; i < k; i++) {
      if (entryKeys[base + i] != keyValues[i]) {
        return false;
      }
    }
    return true;
  }

  /** Rows at least this many, added to an empty index, are counted per key first (see below). */
  private static final int BULK = 1024;

  /** Adds rows {@code from} to {@code to} of a store's {@code rows}. */
  private void addRows(RowChunks rows, int from, int to) {
    if (entries > 0 || to - from < BULK || width == 0) {
      for (int r = from; r < to; r++) {
        add(rows, r);
      }
      return;
    }
    // An index built at once (facts just loaded, a round's delta) is built in two passes: one that
    // finds each row's entry and counts the rows per key, one that copies the values into lists (and
    // sets) of their final size. The entries, their order and their values are those appending gives;
    // only the doubling copies and rehashes of growing lists and sets are gone.
    int[] entryOfRow = new int[to - from];
    int[] counts = new int[8];
    int entry = -1;
    for (int r = from; r < to; r++) {
      // rows often come key by key (facts files are often sorted): the previous row's entry, unhashed
      if (entry < 0 || !sameKeyAsRowBefore(rows, r)) {
        entry = entryOf(rows, r);
      }
      if (entry == counts.length) {
        counts = Arrays.copyOf(counts, entry * 2);
      }
      counts[entry]++;
      entryOfRow[r - from] = entry;
    }
    for (entry = 0; entry < entries; entry++) {
      int count = counts[entry];
      if (narrow) {
        narrowValues[entry] = new int[count * width];
      } else {
        values[entry] = new long[count * width];
      }
    }
    for (int r = from; r < to; r++) {
      entry = entryOfRow[r - from];
      int n = lengths[entry];
      for (int i = 0; i < width; i++) {
        put(entry, n + i, rows.get(r, restColumns[i]));
      }
      lengths[entry] = n + width;
    }
    if (sortedLengths != null) { // the lists are new: nothing reads them yet
      for (entry = 0; entry < entries; entry++) {
        sortIfNeeded(values[entry], lengths[entry]);
        sortedLengths[entry] = lengths[entry];
      }
    }
  }

  private boolean sameKeyAsRowBefore(RowChunks rows, int row) {
    for (int c : keyColumns) {
      if (rows.get(row, c) != rows.get(row - 1, c)) {
        return false;
      }
    }
    return true;
  }

  /** The entry of the key of the row at {@code base}, made if new. */
  private int entryOf(RowChunks rows, int row) {
    long[] key = this.key;
    int k = key.length;
    for (int i = 0; i < k; i++) {
      key[i] = rows.get(row, keyColumns[i]);
    }
    int slot = hash(key) & mask;
    while (true) {
      int e = slots[slot];
      if (e == 0) {
        return newEntry(key, slot);
      }
      if (sameKey(e - 1, key, k)) {
        return e - 1;
      }
      slot = (slot + 1) & mask;
    }
  }

  private void add(RowChunks rows, int row) {
    int entry = entryOf(rows, row);
    int n = lengths[entry];
    int needed = n + Math.max(width, 1);
    if (narrow) {
      int[] list = narrowValues[entry];
      if (list == null || needed > list.length) {
        narrowValues[entry] = list == null ? new int[Math.max(width, 1) * 2] : Arrays.copyOf(list, list.length * 2);
      }
    } else {
      long[] list = values[entry];
      if (list == null || needed > list.length) {
        values[entry] = list == null ? new long[Math.max(width, 1) * 2] : Arrays.copyOf(list, list.length * 2);
      }
    }
    for (int i = 0; i < width; i++) {
      put(entry, n + i, rows.get(row, restColumns[i]));
    }
    lengths[entry] = needed;
    if (sets != null) {
      addToSet(entry, value(entry, n), n + 1);
    }
  }

  /** Writes {@code value} at {@code at} of {@code entry}'s list, which has room; widens the lists for a value past an int. */
  private void put(int entry, int at, long value) {
    if (narrow) {
      if (value == (int) value) {
        narrowValues[entry][at] = (int) value;
        return;
      }
      widen();
    }
    values[entry][at] = value;
  }

  private int newEntry(long[] key, int slot) {
    int entry = entries++;
    int k = key.length;
    if (entry == lengths.length) {
      values = Arrays.copyOf(values, entry * 2);
      if (narrowValues != null) {
        narrowValues = Arrays.copyOf(narrowValues, entry * 2);
      }
      lengths = Arrays.copyOf(lengths, entry * 2);
      entryKeys = Arrays.copyOf(entryKeys, entry * 2 * k);
      if (sets != null) {
        sets = Arrays.copyOf(sets, entry * 2);
        holdsEmpty = Arrays.copyOf(holdsEmpty, entry * 2);
      }
      if (sortedLengths != null) {
        sortedLengths = Arrays.copyOf(sortedLengths, entry * 2);
      }
    }
    System.arraycopy(key, 0, entryKeys, entry * k, k);
    slots[slot] = entry + 1;
    if (direct != null) {
      long d = key[0] - directLow;
      if (d >= 0 && d < direct.length) {
        direct[(int) d] = entry + 1;
      } else {
        direct = null; // looked at again once the entries have doubled
      }
    }
    if (entries * 2 > slots.length) {
      grow();
    }
    return entry;
  }

  private void grow() {
    slots = new int[slots.length * 2];
    mask = slots.length - 1;
    int k = keyColumns.length;
    long[] key = new long[k];
    for (int entry = 0; entry < entries; entry++) {
      System.arraycopy(entryKeys, entry * k, key, 0, k);
      int slot = hash(key) & mask;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = entry + 1;
    }
  }

  /** How many times the index was emptied: entries found before keep their meaning until it changes. */
  int clears;

  private void clear() {
    clears++;
    Arrays.fill(slots, 0);
    Arrays.fill(lengths, 0, entries, 0);
    if (sets != null) {
      Arrays.fill(sets, 0, entries, null);
      Arrays.fill(holdsEmpty, 0, entries, false);
    }
    if (sortedLengths != null) {
      Arrays.fill(sortedLengths, 0, entries, 0);
    }
    entries = 0;
    lastEntry = -1;
    direct = null;
    directCheckedAt = 0;
    indexedRows = 0;
  }

  private static int hash(long[] key) {
    long h = 0x9E3779B97F4A7C15L;
    for (long v : key) {
      h = TupleStore.mix(h, v);
    }
    return TupleStore.finish(h);
  }

  /**
   * The clustered indexes on one relation's columns, one per store (each node of a run has its own):
   * the plans that look the relation up on those columns share them. Stores that are gone take theirs
   * with them.
   */
  static final class Family {
    private final int arity;
    private final int[] keyColumns;
    private TupleStore lastStore;
    private ClusteredIndex last;
    /**
     * Made at first use: a large program has tens of thousands of families, most of them
     * never run, and a weak map is four objects before its first entry.
     */
    private Map<TupleStore, ClusteredIndex> byStore;
    private boolean withSets;
    private final boolean sorted;

    Family(int arity, int[] keyColumns) {
      this(arity, keyColumns, false);
    }

    /** With {@code sorted}, indexes made by {@link ClusteredIndex#sorted}, for {@link IntersectStep}. */
    Family(int arity, int[] keyColumns, boolean sorted) {
      this.arity = arity;
      this.keyColumns = keyColumns;
      this.sorted = sorted;
    }

    /** Asks for per-key sets of values (see {@link ClusteredIndex#holds}); only while planning. */
    void withSets() {
      withSets = true;
    }

    private TupleStore lastDeltaStore;
    private ClusteredIndex lastDelta;
    private Map<TupleStore, ClusteredIndex> deltaByStore;

    /** An index of rows {@code from} to {@code to} of {@code store} (a round's delta). */
    ClusteredIndex ofDelta(TupleStore store, int from, int to) {
      ClusteredIndex index = lastDelta;
      if (store != lastDeltaStore) {
        if (deltaByStore == null) {
          deltaByStore = new WeakHashMap<>();
        }
        index = deltaByStore.computeIfAbsent(store, s -> new ClusteredIndex(arity, keyColumns));
        lastDeltaStore = store;
        lastDelta = index;
      }
      index.cover(store, from, to);
      return index;
    }

    /** The index of {@code store}, brought up to date. */
    ClusteredIndex of(TupleStore store) {
      ClusteredIndex index = last;
      if (store != lastStore) {
        if (byStore == null) {
          byStore = new WeakHashMap<>();
        }
        index = byStore.computeIfAbsent(
            store, s -> sorted ? ClusteredIndex.sorted(arity, keyColumns) : new ClusteredIndex(arity, keyColumns, withSets));
        lastStore = store;
        last = index;
      }
      index.sync(store);
      return index;
    }

    /**
     * Whether {@code store}, of two columns keyed here by one, holds {@code pair} (in column order):
     * one bit of the store's own rows of bits when it has them, so that the index makes no sets (and
     * drops those it made, {@link ClusteredIndex#sync}); otherwise the key's set in the index (see {@link #withSets}).
     */
    boolean holdsPair(TupleStore store, long[] pair) {
      if (store.isBitmap()) {
        return store.contains(pair);
      }
      int key = keyColumns[0];
      return of(store).holdsPair(pair[key], pair[1 - key]);
    }
  }
}
