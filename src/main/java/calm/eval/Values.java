package calm.eval;

import calm.syntax.Type;
import java.util.Comparator;
import java.util.List;

/** Encoding, decoding and ordering of column values ({@code long}s, strings as pool ids). */
public final class Values {
  private Values() {}

  /** Decoded: a {@code Long} or a {@code String} per column. */
  public static Object[] decode(long[] tuple, List<Type> types, StringPool pool) {
    Object[] values = new Object[tuple.length];
    for (int i = 0; i < tuple.length; i++) {
      values[i] = types.get(i) == Type.STRING ? pool.string(tuple[i]) : (Object) tuple[i];
    }
    return values;
  }

  public static long[] encode(List<?> values, List<Type> types, StringPool pool) {
    long[] tuple = new long[values.size()];
    for (int i = 0; i < tuple.length; i++) {
      Object v = values.get(i);
      tuple[i] = types.get(i) == Type.STRING ? pool.intern((String) v) : ((Number) v).longValue();
    }
    return tuple;
  }

  /** Numbers numerically, strings by their text (UTF-16 order), column by column. */
  public static Comparator<Object[]> tupleOrder() {
    return (a, b) -> {
      for (int i = 0; i < a.length; i++) {
        int c = compareValues(a[i], b[i]);
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
  }

  static int compareValues(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    }
    return a.toString().compareTo(b.toString());
  }
}
