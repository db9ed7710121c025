package calm.syntax;

import calm.source.Span;
/** {@code seal sealed(K, _, ...) by guard(..., K, ...).} (§5 Annotations and seals) */
public record Seal(Span span, Atom sealed, Atom guard) implements Item {}
