package calm.source;

/**
 * A region of source text. Lines and columns are 1-based; {@code endColumn} is exclusive. Columns
 * count UTF-16 code units, like ANTLR and most editors' JSON protocols.
 *
 * <p>Every node of the syntax tree has one; the most numerous nodes keep its four numbers in their
 * records and make the object when asked (a million-rule program would otherwise hold fifteen million
 * of them), the others hold it. Its end is packed into one int (the lines it spans, and its column)
 * whenever it fits, which it does but for spans over 255 lines or past column 8,388,607, and the
 * object takes 24 bytes instead of the 32 of four ints. A span that does not fit is a {@link Wide}.
 * Equality, hash code and text are those of the record this class was: the four numbers.
 */
public class Span {

  public static final Span NONE = of(1, 1, 1, 1);

  private static final int COLUMN_BITS = 23;
  private static final int COLUMN_MASK = (1 << COLUMN_BITS) - 1;

  private final int line;
  private final int column;
  /** {@code (endLine - line) << 23 | endColumn}, or -1 in a {@link Wide}. */
  private final int end;

  private Span(int line, int column, int end) {
    this.line = line;
    this.column = column;
    this.end = end;
  }

  public static Span of(int line, int column, int endLine, int endColumn) {
    int lines = endLine - line;
    if (lines >= 0 && lines < 256 && endColumn >= 0 && endColumn <= COLUMN_MASK) {
      return new Span(line, column, lines << COLUMN_BITS | endColumn);
    }
    return new Wide(line, column, endLine, endColumn);
  }

  public static Span point(int line, int column) {
    return of(line, column, line, column + 1);
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  public int endLine() {
    return end >= 0 ? line + (end >>> COLUMN_BITS) : ((Wide) this).endLine;
  }

  public int endColumn() {
    return end >= 0 ? end & COLUMN_MASK : ((Wide) this).endColumn;
  }

  /** The smallest span that covers both. */
  public Span to(Span other) {
    int endLine = endLine();
    int endColumn = endColumn();
    int otherEndLine = other.endLine();
    int otherEndColumn = other.endColumn();
    boolean thisStartsFirst =
        line < other.line || (line == other.line && column <= other.column);
    boolean thisEndsLast =
        endLine > otherEndLine || (endLine == otherEndLine && endColumn >= otherEndColumn);
    return of(
        thisStartsFirst ? line : other.line,
        thisStartsFirst ? column : other.column,
        thisEndsLast ? endLine : otherEndLine,
        thisEndsLast ? endColumn : otherEndColumn);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Span span
        && line == span.line
        && column == span.column
        && endLine() == span.endLine()
        && endColumn() == span.endColumn();
  }

  /** As the record's: each number in turn, times 31. */
  @Override
  public int hashCode() {
    return ((line * 31 + column) * 31 + endLine()) * 31 + endColumn();
  }

  @Override
  public String toString() {
    return line + ":" + column + "-" + endLine() + ":" + endColumn();
  }

  /** A span whose end does not fit in the packed form. */
  private static final class Wide extends Span {
    private final int endLine;
    private final int endColumn;

    Wide(int line, int column, int endLine, int endColumn) {
      super(line, column, -1);
      this.endLine = endLine;
      this.endColumn = endColumn;
    }
  }
}
