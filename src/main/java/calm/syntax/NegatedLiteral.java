package calm.syntax;

import calm.source.Span;
/** {@code not r(...)}. Its span is kept as numbers ({@link SpanNumbers}). */
public record NegatedLiteral(int line, int column, int endLine, int endColumn, Atom atom)
    implements Literal, SpanNumbers {
  public NegatedLiteral(Span span, Atom atom) {
    this(span.line(), span.column(), span.endLine(), span.endColumn(), atom);
  }

}
