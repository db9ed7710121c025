package calm.lsp;

import calm.source.Span;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Spans (1-based, end column exclusive, UTF-16 columns) as LSP ranges (0-based, end exclusive, UTF-16
 * by default): the two agree on units, so the conversion is only a shift by one.
 */
final class Ranges {
  private Ranges() {}

  static Range of(Span span) {
    return new Range(
        new Position(Math.max(0, span.line() - 1), Math.max(0, span.column() - 1)),
        new Position(Math.max(0, span.endLine() - 1), Math.max(0, span.endColumn() - 1)));
  }

  /** Whether the cursor at {@code position} touches {@code span}, its end included (a cursor after a name is on it). */
  static boolean touches(Span span, Position position) {
    int line = position.getLine() + 1;
    int column = position.getCharacter() + 1;
    boolean afterStart = line > span.line() || (line == span.line() && column >= span.column());
    boolean beforeEnd = line < span.endLine() || (line == span.endLine() && column <= span.endColumn());
    return afterStart && beforeEnd;
  }

  /** Whether the two overlap or touch. */
  static boolean overlaps(Span span, Range range) {
    return touches(span, range.getStart()) || touches(span, range.getEnd()) || inside(span, range);
  }

  private static boolean inside(Span span, Range range) {
    Position start = range.getStart();
    Position end = range.getEnd();
    boolean startsBefore =
        start.getLine() + 1 < span.line() || (start.getLine() + 1 == span.line() && start.getCharacter() + 1 <= span.column());
    boolean endsAfter =
        end.getLine() + 1 > span.endLine()
            || (end.getLine() + 1 == span.endLine() && end.getCharacter() + 1 >= span.endColumn());
    return startsBefore && endsAfter;
  }
}
