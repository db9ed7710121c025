package calm.syntax;

import calm.source.Span;
/** {@code not r(...)}. */
public record NegatedLiteral(Span span, Atom atom) implements Literal {}
