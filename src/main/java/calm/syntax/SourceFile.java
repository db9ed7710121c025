package calm.syntax;

import java.util.ArrayList;
import java.util.List;

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

  private static int[] computeLineStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') { // ANTLR counts lines by '\n' alone; spans and quoted lines must agree
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  public String toString() {
    return displayPath;
  }
}
