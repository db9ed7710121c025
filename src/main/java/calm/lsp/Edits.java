package calm.lsp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextEdit;

/** Applies text edits to a document's text, as an editor does: all against the original text. */
final class Edits {
  private Edits() {}

  static String apply(String text, List<TextEdit> edits) {
    List<TextEdit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt((TextEdit e) -> offset(text, e.getRange().getStart())).reversed());
    StringBuilder out = new StringBuilder(text);
    for (TextEdit edit : sorted) {
      int start = offset(text, edit.getRange().getStart());
      int end = offset(text, edit.getRange().getEnd());
      out.replace(start, end, edit.getNewText());
    }
    return out.toString();
  }

  /** The offset of an LSP position (0-based line, UTF-16 column), clamped to its line and the text. */
  static int offset(String text, Position position) {
    int offset = 0;
    for (int line = 0; line < position.getLine(); line++) {
      int next = text.indexOf('\n', offset);
      if (next < 0) {
        return text.length();
      }
      offset = next + 1;
    }
    int lineEnd = text.indexOf('\n', offset);
    if (lineEnd < 0) {
      lineEnd = text.length();
    }
    return Math.min(lineEnd, offset + position.getCharacter());
  }
}
