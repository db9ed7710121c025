package calm.syntax;

import calm.source.Span;
/**
 * A declared column; {@code location} marks a channel's '@' destination column, {@code lattice} a
 * lattice type ({@code max<int>}: §11 Keyed tables, lattices and extern tables), whose values are of {@code type}.
 * Its span is kept as numbers ({@link SpanNumbers}).
 */
public record Column(
    int line, int column, int endLine, int endColumn, Name name, Type type, boolean location, Lattice lattice)
    implements SpanNumbers {

  public Column(Span span, Name name, Type type, boolean location, Lattice lattice) {
    this(span.line(), span.column(), span.endLine(), span.endColumn(), name, type, location, lattice);
  }

  public Column(Span span, Name name, Type type, boolean location) {
    this(span, name, type, location, Lattice.NONE);
  }

  /** The type as written in the declaration. */
  public String typeText() {
    return lattice.spell(type);
  }
}
