package calm.syntax;

import calm.source.Span;
/** {@code not r(...)}. Its span is kept as numbers, as a {@link Name}'s is. */
public record NegatedLiteral(int line, int column, int endLine, int endColumn, Atom atom) implements Literal {
  public NegatedLiteral(Span span, Atom atom) {
    this(span.line(), span.column(), span.endLine(), span.endColumn(), atom);
  }

  @Override
  public Span span() {
    return Span.of(line, column, endLine, endColumn);
  }
}
