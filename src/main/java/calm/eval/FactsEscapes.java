package calm.eval;

/**
 * How a string field of a facts file holds what Soufflé's tab-separated format cannot: a tab, a line
 * break, a carriage return and any other control character are written as an escape ({@code \t},
 * {@code \n}, {@code \r}, {@code \u001b}), and a backslash is doubled only where it would otherwise
 * start one ({@code \\}). A field without those characters is exactly what Soufflé writes and reads,
 * and a lone backslash, as in {@code C:\dir}, stays as it is both ways. PostgreSQL's {@code COPY} text
 * format uses the same escapes.
 */
public final class FactsEscapes {
  private FactsEscapes() {}

  /** The field as written to a facts file. */
  public static String escape(String value) {
    int first = 0;
    while (first < value.length() && !special(value.charAt(first))) {
      first++;
    }
    if (first == value.length()) {
      return value;
    }
    StringBuilder b = new StringBuilder(value.length() + 8).append(value, 0, first);
    for (int i = first; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\\' -> b.append(i + 1 < value.length() && startsEscape(value.charAt(i + 1)) ? "\\\\" : "\\");
        default -> {
          if (control(c)) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /** The string a field of a facts file holds: the inverse of {@link #escape}. */
  public static String unescape(String field) {
    int backslash = field.indexOf('\\');
    if (backslash < 0) {
      return field;
    }
    StringBuilder b = new StringBuilder(field.length()).append(field, 0, backslash);
    for (int i = backslash; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c != '\\' || i + 1 == field.length()) {
        b.append(c);
        continue;
      }
      char next = field.charAt(i + 1);
      switch (next) {
        case '\\' -> b.append('\\');
        case 't' -> b.append('\t');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 'u' -> {
          int code = i + 6 <= field.length() ? hex(field, i + 2) : -1;
          if (code < 0) {
            b.append('\\');
            continue; // a backslash that starts no escape is itself
          }
          b.append((char) code);
          i += 4;
        }
        default -> {
          b.append('\\');
          continue;
        }
      }
      i++;
    }
    return b.toString();
  }

  private static int hex(String s, int at) {
    int value = 0;
    for (int i = at; i < at + 4; i++) {
      int digit = Character.digit(s.charAt(i), 16);
      if (digit < 0) {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }

  private static boolean special(char c) {
    return c == '\\' || control(c);
  }

  /** What a terminal or a line-based reader would act on: C0, DEL, C1, bidirectional overrides. */
  private static boolean control(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
  }

  /** A character after a backslash that would make an escape of it: it must then be doubled. */
  private static boolean startsEscape(char next) {
    return next == '\\' || next == 't' || next == 'n' || next == 'r' || next == 'u' || control(next);
  }
}
