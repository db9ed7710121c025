package calm.source;

/**
 * A region of source text. Lines and columns are 1-based; {@code endColumn} is exclusive. Columns
 * count UTF-16 code units, like ANTLR and most editors' JSON protocols.
 */
public record Span(int line, int column, int endLine, int endColumn) {

  public static final Span NONE = new Span(1, 1, 1, 1);

  public static Span point(int line, int column) {
    return new Span(line, column, line, column + 1);
  }

  /** The smallest span that covers both. */
  public Span to(Span other) {
    boolean thisStartsFirst =
        line < other.line || (line == other.line && column <= other.column);
    boolean thisEndsLast =
        endLine > other.endLine || (endLine == other.endLine && endColumn >= other.endColumn);
    return new Span(
        thisStartsFirst ? line : other.line,
        thisStartsFirst ? column : other.column,
        thisEndsLast ? endLine : other.endLine,
        thisEndsLast ? endColumn : other.endColumn);
  }

  @Override
  public String toString() {
    return line + ":" + column + "-" + endLine + ":" + endColumn;
  }
}
