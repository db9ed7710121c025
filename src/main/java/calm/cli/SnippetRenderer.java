package calm.cli;

import calm.diagnostics.Severity;
import calm.syntax.SourceFile;
import calm.source.Span;

/**
 * Quotes one source line under a message with a gutter and underlines a span, clang/rustc style:
 *
 * <pre>
 *  3 | foo(X) :- carts(X).
 *    |           ^^^^^
 * </pre>
 *
 * Tabs are shown as four spaces so that the underline stays aligned; a very long line is cut to a
 * window around the span.
 */
final class SnippetRenderer {
  private static final int MAX_WIDTH = 160;
  private static final int CONTEXT_BEFORE = 40;
  private static final String TAB = "    ";

  private SnippetRenderer() {}

  static String gutterWidth(int line) {
    return " ".repeat(Integer.toString(line).length() + 2);
  }

  /**
   * The two lines (source and underline), each ending in a newline, onto {@code out}; the underline in
   * the colour of {@code marks}. (A severity rather than a function of the text: a function that
   * captured the diagnostic was an object made through a method handle for each of hundreds of
   * thousands of diagnostics, slowly under the C1 compiler a check runs with.)
   */
  static void render(SourceFile source, Span span, char marker, String label, Palette palette,
      Severity marks, StringBuilder out) {
    String text = source.line(span.line());
    int start = Math.min(Math.max(span.column() - 1, 0), text.length());
    int end =
        span.endLine() == span.line()
            ? Math.min(Math.max(span.endColumn() - 1, start + 1), Math.max(text.length(), start + 1))
            : Math.max(text.length(), start + 1);
    if (palette == Palette.NONE && label.isEmpty() && text.length() <= MAX_WIDTH && isPlain(text)) {
      // the common case of a large report, written without the intermediate strings below
      String number = Integer.toString(span.line());
      out.append(' ').append(number).append(" |");
      if (!text.isEmpty()) {
        out.append(' ').append(text);
      }
      out.append('\n');
      repeat(out, ' ', number.length() + 2).append("| ");
      int caretLength = Math.max(1, end - start);
      repeat(out, ' ', start);
      repeat(out, marker, caretLength).append('\n');
      return;
    }
    String prefix = "";
    String suffix = "";
    if (text.length() > MAX_WIDTH) {
      int from = Math.max(0, start - CONTEXT_BEFORE);
      int to = Math.min(text.length(), from + MAX_WIDTH);
      prefix = from > 0 ? "..." : "";
      suffix = to < text.length() ? "..." : "";
      text = text.substring(from, to);
      start -= from;
      end = Math.min(end - from, Math.max(text.length(), start + 1));
    }
    String shownLine = prefix + visible(text) + suffix;
    int caretStart = prefix.length() + visible(text.substring(0, Math.min(start, text.length()))).length();
    int caretLength =
        Math.max(1, visible(text.substring(Math.min(start, text.length()), Math.min(end, text.length()))).length());
    if (end > text.length()) {
      caretLength = Math.max(caretLength, end - start);
    }
    String number = Integer.toString(span.line());
    String pad = gutterWidth(span.line());
    out.append(palette.gutter(" " + number + " |"));
    if (!shownLine.isEmpty()) {
      out.append(' ').append(shownLine);
    }
    out.append('\n');
    out.append(palette.gutter(pad + "|"))
        .append(' ')
        .append(" ".repeat(caretStart))
        .append(palette.severity(marks, String.valueOf(marker).repeat(caretLength) + (label.isEmpty() ? "" : " " + label)))
        .append('\n');
  }

  private static StringBuilder repeat(StringBuilder out, char c, int count) {
    for (int i = 0; i < count; i++) {
      out.append(c);
    }
    return out;
  }

  private static boolean isPlain(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || SafeText.unsafe(c)) {
        return false;
      }
    }
    return true;
  }

  /** The line as displayed: tabs expanded, other control characters made visible. */
  private static String visible(String text) {
    if (isPlain(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\t') {
        out.append(TAB);
      } else if (c < 0x20 || SafeText.unsafe(c)) {
        out.append('\uFFFD'); // one column, as the caret below expects
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
