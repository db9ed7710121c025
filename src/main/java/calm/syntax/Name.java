package calm.syntax;

import calm.source.Span;

/** An identifier as written, with its own span (for precise carets), kept as numbers ({@link SpanNumbers}). */
public record Name(String text, int line, int column, int endLine, int endColumn) implements SpanNumbers {
  public Name(String text, Span span) {
    this(text, span.line(), span.column(), span.endLine(), span.endColumn());
  }

  @Override
  public String toString() {
    return text;
  }
}
