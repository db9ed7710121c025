package calm.syntax;

/** {@code seal sealed(K, _, ...) by guard(..., K, ...).} (§5) */
public record Seal(Span span, Atom sealed, Atom guard) implements Item {}
