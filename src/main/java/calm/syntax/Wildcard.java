package calm.syntax;

import calm.source.Span;
/**
 * {@code _}: a fresh variable at each occurrence, never named, never compared. Its span is kept as
 * numbers ({@link SpanNumbers}).
 */
public record Wildcard(int line, int column, int endLine, int endColumn) implements Expr, SpanNumbers {
  public Wildcard(Span span) {
    this(span.line(), span.column(), span.endLine(), span.endColumn());
  }

  @Override
  public String toString() {
    return "_";
  }
}
