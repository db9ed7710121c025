package calm.eval;

/**
 * Binds one variable to the values that two or more atoms agree on once their other columns are bound:
 * in {@code tri(X, Y, Z) :- e(X, Y), e(Y, Z), e(X, Z)}, with {@code X} and {@code Y} bound, {@code Z}
 * ranges over the intersection of {@code Y}'s and {@code X}'s neighbour lists. Each list is a sorted
 * run of a {@link ClusteredIndex}; the shortest drives and the others are sought forward by galloping
 * (leapfrog), so a pair of lists costs about the shorter one's length in comparisons, where a lookup
 * of one followed by a membership test of the other costs a hash probe per value of the first.
 * Solutions flow on in ascending order of the variable, each once.
 *
 * <p>When one list keeps coming back (the loops outside visit all of {@code X}'s neighbours {@code Y}
 * one after the other, and {@code X}'s list is the long one), seeking through it again for each short
 * list costs more than marking it once in a bitmap over its range of values and testing the short
 * lists' values there: a run is marked once the seeks into it since it came would have paid for
 * that, when the span of its values is narrow enough for the bitmap to stay in a cache.
 */
final class IntersectStep extends Step {
  private final int[] relations;
  private final ClusteredIndex.Family[] families;
  private final Expression[][] keys;
  private final int variable;
  private final long[][] keyValues;
  /** Per atom, the entry its key found last (keys repeat from one call to the next). */
  private final ClusteredIndex[] lastIndex;
  private final int[] lastClears;
  private final long[] lastKey;
  private final int[] lastEntry;
  private final ClusteredIndex[] found;

  /** The run marked in {@link #bits} (null when none) and its length, first value and span. */
  private long[] bitRun;
  private int bitLength;
  private long bitLow;
  private long bitSpan;
  private long[] bits = new long[64];
  private int bitWords;
  /** The marked values, kept when unmarking them one by one is cheaper than clearing every word. */
  private long[] marked = new long[16];
  private boolean unmarkByValue;
  /** Each atom's run in the previous call, and its length. */
  private long[] lastA;
  private long[] lastB;
  private int lastLengthA;
  private int lastLengthB;
  /** A bitmap of at most this many bits (512 KB) stays in a cache. */
  private static final long MAX_SPAN = 1L << 22;
  /** The run to mark lately, its length, and the values sought in it since it came. */
  private long[] soughtRun;
  private int soughtLength;
  private long sought;
  /** How many times a run was marked in the bitmap (for tests: that the path is taken). */
  int marks;
  /**
   * About how many times dearer a galloping seek (a few mispredicted comparisons) is than marking or
   * unmarking one value: a run is marked once the values sought in it since it came would have paid
   * for marking it and unmarking it later.
   */
  private static final int SEEK_COST = 16;

  IntersectStep(int[] relations, ClusteredIndex.Family[] families, Expression[][] keys, int variable) {
    this.relations = relations;
    this.families = families;
    this.keys = keys;
    this.variable = variable;
    int k = relations.length;
    this.keyValues = new long[k][];
    for (int i = 0; i < k; i++) {
      keyValues[i] = new long[keys[i].length];
    }
    this.lastIndex = new ClusteredIndex[k];
    this.lastClears = new int[k];
    this.lastKey = new long[k];
    this.lastEntry = new int[k];
    this.found = new ClusteredIndex[k];
  }

  /** The entry of atom {@code i}'s key in its index (left in {@link #found}), or -1. */
  private int entry(int i, Frame frame) {
    ClusteredIndex index = families[i].of(frame.node.stores[relations[i]]);
    found[i] = index;
    Expression[] key = keys[i];
    long[] registers = frame.registers;
    if (key.length != 1) {
      long[] values = keyValues[i];
      for (int c = 0; c < key.length; c++) {
        values[c] = key[c].eval(registers);
      }
      return index.find(values);
    }
    long value = key[0].eval(registers);
    if (value == lastKey[i] && index == lastIndex[i] && index.clears == lastClears[i]) {
      return lastEntry[i];
    }
    int entry = index.find1(value);
    if (entry >= 0) { // an entry stays until the index is emptied; a missing key may come with the next rows
      lastKey[i] = value;
      lastIndex[i] = index;
      lastClears[i] = index.clears;
      lastEntry[i] = entry;
    }
    return entry;
  }

  @Override
  void run(Frame frame) {
    int k = relations.length;
    if (k != 2) {
      runMany(frame);
      return;
    }
    int ea = entry(0, frame);
    if (ea < 0) {
      return;
    }
    int eb = entry(1, frame);
    if (eb < 0) {
      return;
    }
    ClusteredIndex ia = found[0];
    ClusteredIndex ib = found[1];
    long[] a = ia.sortedRun(ea);
    int na = ia.lengths[ea];
    long[] b = ib.sortedRun(eb);
    int nb = ib.lengths[eb];
    if (a == bitRun && na == bitLength) {
      probe(b, nb, frame);
      return;
    }
    if (b == bitRun && nb == bitLength) {
      probe(a, na, frame);
      return;
    }
    // the run to mark: the one that came back from the previous call (X's, while X's neighbours Y
    // are visited one after another), else the longer
    boolean aAgain = a == lastA && na == lastLengthA;
    boolean bAgain = b == lastB && nb == lastLengthB;
    lastA = a;
    lastLengthA = na;
    lastB = b;
    lastLengthB = nb;
    boolean keepA = aAgain != bAgain ? aAgain : na > nb;
    long[] keep = keepA ? a : b;
    int nk = keepA ? na : nb;
    long[] other = keepA ? b : a;
    int no = keepA ? nb : na;
    if (keep != soughtRun || nk != soughtLength) {
      soughtRun = keep;
      soughtLength = nk;
      sought = 0;
    }
    sought += no;
    if (sought * SEEK_COST >= 2L * nk && mark(keep, nk)) {
      probe(other, no, frame);
    } else if (na <= nb) {
      intersect(a, na, b, nb, frame);
    } else {
      intersect(b, nb, a, na, frame);
    }
  }

  /**
   * Marks {@code run}'s values in {@link #bits} (after unmarking the previous run's), unless their span
   * is too wide for a bitmap that stays in a cache.
   */
  private boolean mark(long[] run, int n) {
    long low = run[0];
    long span = run[n - 1] - low + 1;
    if (span <= 0 || span > MAX_SPAN) { // <= 0: the difference overflowed
      return false;
    }
    long[] bits = this.bits;
    if (unmarkByValue) { // fewer values than words; from a copy: after a clear the run may be reused
      for (int i = 0; i < bitLength; i++) {
        bits[(int) ((marked[i] - bitLow) >>> 6)] = 0L;
      }
    } else {
      java.util.Arrays.fill(bits, 0, bitWords, 0L);
    }
    int words = (int) ((span + 63) >>> 6);
    if (words > bits.length) {
      bits = new long[Math.max(words, bits.length * 2)];
      this.bits = bits;
    }
    for (int i = 0; i < n; i++) {
      long d = run[i] - low;
      bits[(int) (d >>> 6)] |= 1L << d;
    }
    unmarkByValue = n < words;
    if (unmarkByValue) {
      if (marked.length < n) {
        marked = new long[Math.max(n, marked.length * 2)];
      }
      System.arraycopy(run, 0, marked, 0, n);
    }
    bitWords = words;
    bitRun = run;
    bitLength = n;
    bitLow = low;
    bitSpan = span;
    marks++;
    return true;
  }

  /** The values of {@code run} marked in {@link #bits}. */
  private void probe(long[] run, int n, Frame frame) {
    long[] registers = frame.registers;
    long low = bitLow;
    long span = bitSpan;
    long[] bits = this.bits;
    for (int i = 0; i < n; i++) {
      long x = run[i];
      long d = x - low; // wraps only for values outside the span, which then test as outside
      if (d >= 0 && d < span && (bits[(int) (d >>> 6)] & (1L << d)) != 0) {
        registers[variable] = x;
        next.run(frame);
      }
    }
  }

  /** The values of {@code a} (the shorter) also in {@code b}. */
  private void intersect(long[] a, int na, long[] b, int nb, Frame frame) {
    long[] registers = frame.registers;
    int i = 0;
    int j = 0;
    while (i < na) {
      long x = a[i];
      j = seek(b, j, nb, x);
      if (j == nb) {
        return;
      }
      long y = b[j];
      if (y == x) {
        registers[variable] = x;
        next.run(frame);
        i++;
        j++;
      } else {
        i = seek(a, i + 1, na, y);
      }
    }
  }

  /** Three atoms or more (rare): the values every run holds; the shortest drives. */
  private void runMany(Frame frame) {
    int k = relations.length;
    long[][] runs = new long[k][];
    int[] lengths = new int[k];
    for (int t = 0; t < k; t++) {
      int entry = entry(t, frame);
      if (entry < 0) {
        return;
      }
      runs[t] = found[t].sortedRun(entry);
      lengths[t] = found[t].lengths[entry];
    }
    int shortest = 0;
    for (int t = 1; t < k; t++) {
      if (lengths[t] < lengths[shortest]) {
        shortest = t;
      }
    }
    long[] driver = runs[shortest];
    int n = lengths[shortest];
    int[] positions = new int[k];
    long[] registers = frame.registers;
    int i = 0;
    next:
    while (i < n) {
      long x = driver[i];
      for (int t = 0; t < k; t++) {
        if (t == shortest) {
          continue;
        }
        int p = seek(runs[t], positions[t], lengths[t], x);
        positions[t] = p;
        if (p == lengths[t]) {
          return;
        }
        long y = runs[t][p];
        if (y != x) {
          i = seek(driver, i + 1, n, y);
          continue next;
        }
      }
      registers[variable] = x;
      next.run(frame);
      i++;
    }
  }

  /**
   * The first position from {@code from} on whose value is at least {@code target} ({@code to} when
   * none is): a few steps forward, doubling, then a binary search of the last step's span.
   */
  static int seek(long[] run, int from, int to, long target) {
    if (from >= to || run[from] >= target) {
      return from;
    }
    int low = from; // run[low] < target
    int step = 1;
    int high = from + 1;
    while (high < to && run[high] < target) {
      low = high;
      step <<= 1;
      high = low + step;
    }
    if (high > to) {
      high = to;
    }
    while (high - low > 1) { // run[low] < target <= run[high] (or high == to)
      int middle = (low + high) >>> 1;
      if (run[middle] < target) {
        low = middle;
      } else {
        high = middle;
      }
    }
    return high;
  }
}
