package calm.syntax;

/** A positive atom in a body. */
public record PositiveLiteral(Atom atom) implements Literal {
  @Override
  public Span span() {
    return atom.span();
  }
}
