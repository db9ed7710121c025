package calm.syntax;

import java.util.Arrays;

/**
 * The text of one program and the name to show for it. Keeps line starts so that renderers can quote
 * the source line under a diagnostic.
 */
public final class SourceFile {
  private final String displayPath;
  private final String text;
  private final int[] lineStarts;

  public SourceFile(String displayPath, String text) {
    this.displayPath = displayPath;
    this.text = text;
    this.lineStarts = computeLineStarts(text);
  }

  public String displayPath() {
    return displayPath;
  }

  public String text() {
    return text;
  }

  public int lineCount() {
    return lineStarts.length;
  }

  /** The text of a 1-based line, without its line terminator; empty past the end. */
  public String line(int number) {
    if (number < 1 || number > lineStarts.length) {
      return "";
    }
    int start = lineStarts[number - 1];
    int end = number < lineStarts.length ? lineStarts[number] : text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(start, end);
  }

  /** The 1-based line that the character at {@code offset} is on. */
  public int lineAt(int offset) {
    int found = Arrays.binarySearch(lineStarts, offset);
    return found >= 0 ? found + 1 : -found - 1;
  }

  private static int[] computeLineStarts(String text) {
    int[] starts = new int[64];
    int count = 1;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      // ANTLR counts lines by '\n' alone; spans and quoted lines must agree
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
      }
      starts[count++] = i + 1;
    }
    return Arrays.copyOf(starts, count);
  }

  @Override
  public String toString() {
    return displayPath;
  }
}
