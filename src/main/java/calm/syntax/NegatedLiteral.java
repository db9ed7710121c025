package calm.syntax;

/** {@code not r(...)}. */
public record NegatedLiteral(Span span, Atom atom) implements Literal {}
