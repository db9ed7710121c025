package calm.syntax;

/**
 * Where a large file may be cut into parts that each hold whole items, for parsing them side by side
 * ({@link StreamingParse}): just after a line that ends with an item's '.'. Only '.' ends an item in
 * the grammar, so a '.' outside comments and strings does; the cursor skips line and block comments
 * and strings (which never hold a line break) to know which is which. In a file with a problem (an
 * unterminated comment, say) a cut may fall inside an item; the part then fails to parse, and the
 * careful path reads the whole file, as it would have anyway.
 *
 * <p>It jumps from one comment or string to the next and from the place due for a cut to the next
 * line break ({@code indexOf}), and it is asked for each cut as a part is taken, so that the walk is
 * spread over the parse instead of coming before it: the compiler that a check runs with (C1) makes
 * a loop of {@code indexOf} over 10 MB take some 10 ms.
 */
final class ItemEnds {
  private final String text;
  private final int partChars;
  /** From here to the next comment or string, the text is code. */
  private int code;
  private int quote;
  private int slash;

  ItemEnds(String text, int partChars) {
    this.text = text;
    this.partChars = Math.max(1, partChars);
    this.quote = text.indexOf('"');
    this.slash = text.indexOf('/');
  }

  /**
   * The first cut at least {@code partChars} characters past {@code from} (a previous cut, or 0), or
   * the text's length when there is none. Asked in order: the cursor remembers the comments and
   * strings it has passed.
   */
  int after(int from) {
    int length = text.length();
    long due = (long) from + partChars;
    while (due < length) {
      int lineBreak = text.indexOf('\n', (int) Math.max(code, due - 1));
      if (lineBreak < 0 || lineBreak + 1 >= length) {
        break;
      }
      int region = Math.min(quote < 0 ? length : quote, slash < 0 ? length : slash);
      if (region < lineBreak) { // the line break may be inside it: skip it first
        code = 1 + (region == quote ? stringEnd(region) : commentEnd(region));
        quote = quote >= 0 && quote < code ? text.indexOf('"', code) : quote;
        slash = slash >= 0 && slash < code ? text.indexOf('/', code) : slash;
        continue;
      }
      // a '.' before code is a comment's or a string's
      int dot = lineBreak > 0 && text.charAt(lineBreak - 1) == '\r' ? lineBreak - 2 : lineBreak - 1;
      boolean endsAnItem = dot >= code && text.charAt(dot) == '.';
      code = lineBreak + 1;
      if (endsAnItem) {
        return code;
      }
    }
    return length;
  }

  /** The index of the quote that closes the string opened at {@code open}, or of the line break that cuts it short. */
  private int stringEnd(int open) {
    for (int i = open + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"' || c == '\n') {
        return i;
      }
    }
    return text.length();
  }

  /** The last index of the comment that starts at {@code slash}, or {@code slash} when none does. */
  private int commentEnd(int slash) {
    if (slash + 1 >= text.length()) {
      return slash;
    }
    char next = text.charAt(slash + 1);
    if (next == '/') {
      int lineBreak = text.indexOf('\n', slash + 2);
      return lineBreak < 0 ? text.length() : lineBreak - 1;
    }
    if (next == '*') {
      int close = text.indexOf("*/", slash + 2);
      return close < 0 ? text.length() : close + 1;
    }
    return slash;
  }
}
