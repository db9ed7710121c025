package calm.syntax;

import calm.source.Span;
/**
 * A declared column; {@code location} marks a channel's '@' destination column, {@code lattice} a
 * lattice type ({@code max<int>}: §11 Keyed tables, lattices and extern tables), whose values are of {@code type}.
 */
public record Column(Span span, Name name, Type type, boolean location, Lattice lattice) implements Node {

  public Column(Span span, Name name, Type type, boolean location) {
    this(span, name, type, location, Lattice.NONE);
  }

  /** The type as written in the declaration. */
  public String typeText() {
    return lattice.spell(type);
  }
}
