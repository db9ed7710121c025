package calm.eval;

/** One operation of a compiled rule body; each solution it finds flows on to {@code next}. */
abstract class Step {
  Step next;

  abstract void run(Frame frame);

  /** What a column of an atom does with its value. */
  static final int BIND = 0;
  static final int CHECK_REGISTER = 1;
  static final int CHECK_CONSTANT = 2;
  static final int SKIP = 3;

  /** Applies one atom's column operations to row {@code row} of {@code rows}; false when a check fails. */
  static boolean match(RowChunks rows, int row, int[] kinds, long[] args, long[] registers) {
    if (rows.chars()) {
      return match(rows.charChunk(row), rows.offset(row), kinds, args, registers);
    }
    return rows.ints()
        ? match(rows.intChunk(row), rows.offset(row), kinds, args, registers)
        : match(rows.longChunk(row), rows.offset(row), kinds, args, registers);
  }

  // The long[] loop below, over a char chunk and an int chunk: the innermost loop of every scan and
  // lookup, which a shared reader would pay for with a call or a copy of the row at each row (as the
  // JDK's Arrays repeats its loops per primitive type).
  private static boolean match(char[] rows, int base, int[] kinds, long[] args, long[] registers) {
    for (int c = 0; c < kinds.length; c++) {
      long v = rows[base + c];
      switch (kinds[c]) {
        case BIND -> registers[(int) args[c]] = v;
        case CHECK_REGISTER -> {
          if (registers[(int) args[c]] != v) {
            return false;
          }
        }
        case CHECK_CONSTANT -> {
          if (args[c] != v) {
            return false;
          }
        }
        default -> {}
      }
    }
    return true;
  }

  static boolean match(int[] rows, int base, int[] kinds, long[] args, long[] registers) {
    for (int c = 0; c < kinds.length; c++) {
      long v = rows[base + c];
      switch (kinds[c]) {
        case BIND -> registers[(int) args[c]] = v;
        case CHECK_REGISTER -> {
          if (registers[(int) args[c]] != v) {
            return false;
          }
        }
        case CHECK_CONSTANT -> {
          if (args[c] != v) {
            return false;
          }
        }
        default -> {}
      }
    }
    return true;
  }

  /** Applies one atom's column operations to {@code rows[base..]}; false when a check fails. */
  static boolean match(long[] rows, int base, int[] kinds, long[] args, long[] registers) {
    for (int c = 0; c < kinds.length; c++) {
      long v = rows[base + c];
      switch (kinds[c]) {
        case BIND -> registers[(int) args[c]] = v;
        case CHECK_REGISTER -> {
          if (registers[(int) args[c]] != v) {
            return false;
          }
        }
        case CHECK_CONSTANT -> {
          if (args[c] != v) {
            return false;
          }
        }
        default -> {}
      }
    }
    return true;
  }
}
