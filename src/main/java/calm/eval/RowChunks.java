package calm.eval;

import java.util.Arrays;

/**
 * The rows of one store, {@code arity} values a row, in chunks of {@link #ROWS} rows: row {@code r} is at
 * {@link #offset}{@code (r)} of its chunk. Growing adds a chunk instead of copying every row into an
 * array half as large again, which held the old and the new array at once: a relation's peak was 1.7
 * to 2.5 times its rows, and it was the peak of a run's memory (the transitive closure of the shared
 * benchmark, 2.6 million pairs, held a 28 MB and a 42 MB array; docs/benchmarks.md, "Ninth round").
 * Only the first chunk grows by doubling, so that the many small relations of a large program stay
 * small.
 *
 * <p>While every value written is a number from 0 to 65,535 (the node numbers and string ids of most
 * workloads), the chunks are {@code char[]}s, a quarter of the memory of rows of longs; while every
 * value fits in an int, {@code int[]}s; the first value that does not fit widens every chunk, once, to
 * the next kind for good. A hot loop asks {@link #chars()} and {@link #ints()} once a row and reads
 * {@link #charChunk}, {@link #intChunk} or {@link #longChunk}; anything else reads {@link #get}.
 */
final class RowChunks {
  static final int SHIFT = 14;
  static final int ROWS = 1 << SHIFT;
  private static final int MASK = ROWS - 1;
  private final int width;
  /** The chunks while every value is from 0 to 65,535; null once widened. */
  private char[][] chars;
  /** The chunks while every value fits in an int and one does not fit a char; null before and after. */
  private int[][] ints;
  /** The chunks once widened; null before. */
  private long[][] longs;
  /** Rows that fit in the chunks allocated. */
  private int capacity;

  /** Room for {@code rows} rows (at least one) of {@code arity} columns. */
  RowChunks(int arity, int rows) {
    this.width = Math.max(arity, 1);
    int first = Math.max(1, Math.min(rows, ROWS));
    chars = new char[][] {new char[first * width]};
    capacity = first;
    reserve(rows);
  }

  boolean chars() {
    return chars != null;
  }

  boolean ints() {
    return ints != null;
  }

  /** Whether every value written fits in an int (the chunks are chars or ints). */
  boolean fitsInts() {
    return longs == null;
  }

  /** Row {@code row}'s chunk while {@link #chars()}. */
  char[] charChunk(int row) {
    return chars[row >>> SHIFT];
  }

  /** Row {@code row}'s chunk while {@link #ints()}. */
  int[] intChunk(int row) {
    return ints[row >>> SHIFT];
  }

  /** Row {@code row}'s chunk once not {@link #ints()}. */
  long[] longChunk(int row) {
    return longs[row >>> SHIFT];
  }

  int offset(int row) {
    return (row & MASK) * width;
  }

  long get(int row, int column) {
    int at = (row & MASK) * width + column;
    if (chars != null) {
      return chars[row >>> SHIFT][at];
    }
    int[][] ints = this.ints;
    return ints != null ? ints[row >>> SHIFT][at] : longs[row >>> SHIFT][at];
  }

  /** Whether row {@code row}'s {@code length} first values are {@code values[from..]}'s. */
  boolean startsWith(int row, long[] values, int from, int length) {
    int base = (row & MASK) * width;
    if (chars != null) {
      char[] chunk = chars[row >>> SHIFT];
      for (int c = 0; c < length; c++) {
        if (chunk[base + c] != values[from + c]) {
          return false;
        }
      }
    } else if (ints != null) {
      int[] chunk = ints[row >>> SHIFT];
      for (int c = 0; c < length; c++) {
        if (chunk[base + c] != values[from + c]) {
          return false;
        }
      }
    } else {
      long[] chunk = longs[row >>> SHIFT];
      for (int c = 0; c < length; c++) {
        if (chunk[base + c] != values[from + c]) {
          return false;
        }
      }
    }
    return true;
  }

  /** Copies row {@code row}'s {@code length} first values into {@code into}. */
  void copy(int row, long[] into, int length) {
    copy(row, into, 0, length);
  }

  /** Copies row {@code row}'s {@code length} first values into {@code into} from {@code at} on. */
  void copy(int row, long[] into, int at, int length) {
    int base = (row & MASK) * width;
    if (chars != null) {
      char[] chunk = chars[row >>> SHIFT];
      for (int c = 0; c < length; c++) {
        into[at + c] = chunk[base + c];
      }
    } else if (ints != null) {
      int[] chunk = ints[row >>> SHIFT];
      for (int c = 0; c < length; c++) {
        into[at + c] = chunk[base + c];
      }
    } else {
      System.arraycopy(longs[row >>> SHIFT], base, into, at, length);
    }
  }

  /** Row {@code row}'s {@code length} first values, in a new array. */
  long[] row(int row, int length) {
    long[] tuple = new long[length];
    copy(row, tuple, length);
    return tuple;
  }

  /** Writes {@code length} values of {@code tuple} as row {@code row}, making room for it. */
  void put(int row, long[] tuple, int length) {
    if (row >= capacity) {
      reserve(row + 1);
    }
    int base = (row & MASK) * width;
    if (chars != null) {
      char[] chunk = chars[row >>> SHIFT];
      for (int c = 0; c < length; c++) {
        long value = tuple[c];
        if ((value & ~0xFFFFL) != 0) {
          widenChars(tuple, length);
          put(row, tuple, length);
          return;
        }
        chunk[base + c] = (char) value;
      }
    } else if (ints != null) {
      int[] chunk = ints[row >>> SHIFT];
      for (int c = 0; c < length; c++) {
        long value = tuple[c];
        if (value != (int) value) {
          widen();
          put(row, tuple, length);
          return;
        }
        chunk[base + c] = (int) value;
      }
    } else {
      System.arraycopy(tuple, 0, longs[row >>> SHIFT], base, length);
    }
  }

  /** From char chunks to int chunks, or to long chunks when a value of {@code tuple} needs them. */
  private void widenChars(long[] tuple, int length) {
    boolean fitsInts = true;
    for (int c = 0; c < length; c++) {
      fitsInts &= tuple[c] == (int) tuple[c];
    }
    ints = new int[chars.length][];
    for (int i = 0; i < chars.length && chars[i] != null; i++) {
      char[] narrow = chars[i];
      int[] wide = new int[narrow.length];
      for (int j = 0; j < narrow.length; j++) {
        wide[j] = narrow[j];
      }
      ints[i] = wide;
      chars[i] = null;
    }
    chars = null;
    if (!fitsInts) {
      widen();
    }
  }

  /** Makes room for {@code rows} rows. */
  void reserve(int rows) {
    if (rows <= capacity) {
      return;
    }
    if (capacity < ROWS) {
      int first = Math.min(ROWS, Math.max(rows, 2 * capacity));
      if (chars != null) {
        chars[0] = Arrays.copyOf(chars[0], first * width);
      } else if (ints != null) {
        ints[0] = Arrays.copyOf(ints[0], first * width);
      } else {
        longs[0] = Arrays.copyOf(longs[0], first * width);
      }
      capacity = first;
    }
    while (capacity < rows) {
      int index = capacity >>> SHIFT;
      if (chars != null) {
        if (index == chars.length) {
          chars = Arrays.copyOf(chars, 2 * index);
        }
        chars[index] = new char[ROWS * width];
      } else if (ints != null) {
        if (index == ints.length) {
          ints = Arrays.copyOf(ints, 2 * index);
        }
        ints[index] = new int[ROWS * width];
      } else {
        if (index == longs.length) {
          longs = Arrays.copyOf(longs, 2 * index);
        }
        longs[index] = new long[ROWS * width];
      }
      capacity += ROWS;
    }
  }

  /** From int chunks to long chunks, one chunk at a time. */
  private void widen() {
    longs = new long[ints.length][];
    for (int i = 0; i < ints.length && ints[i] != null; i++) {
      int[] narrow = ints[i];
      long[] wide = new long[narrow.length];
      for (int j = 0; j < narrow.length; j++) {
        wide[j] = narrow[j];
      }
      longs[i] = wide;
      ints[i] = null;
    }
    ints = null;
  }

  /** The values allocated for rows. */
  long allocated() {
    return (long) capacity * width;
  }

  /** The first {@code rows} rows, one after another in one new array. */
  long[] flat(int rows) {
    long[] flat = new long[rows * width];
    for (int from = 0; from < rows; from += ROWS) {
      int n = Math.min(ROWS, rows - from) * width;
      if (chars != null) {
        char[] chunk = chars[from >>> SHIFT];
        int at = from * width;
        for (int i = 0; i < n; i++) {
          flat[at + i] = chunk[i];
        }
      } else if (ints != null) {
        int[] chunk = ints[from >>> SHIFT];
        int at = from * width;
        for (int i = 0; i < n; i++) {
          flat[at + i] = chunk[i];
        }
      } else {
        System.arraycopy(longs[from >>> SHIFT], 0, flat, from * width, n);
      }
    }
    return flat;
  }
}
