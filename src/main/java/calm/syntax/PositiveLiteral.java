package calm.syntax;

import calm.source.Span;
/** A positive atom in a body. */
public record PositiveLiteral(Atom atom) implements Literal {
  @Override
  public Span span() {
    return atom.span();
  }
}
