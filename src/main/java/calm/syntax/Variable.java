package calm.syntax;

import calm.source.Span;

/** A named variable: {@code X}, {@code Session}. Its span is kept as numbers ({@link SpanNumbers}). */
public record Variable(String name, int line, int column, int endLine, int endColumn)
    implements Expr, SpanNumbers {
  public Variable(Span span, String name) {
    this(name, span.line(), span.column(), span.endLine(), span.endColumn());
  }

  @Override
  public String toString() {
    return name;
  }
}
