package calm.syntax;

import calm.source.Span;
import java.util.List;
import java.util.OptionalInt;

/**
 * {@code output? extern? kind name(col: type, ... => col: type, ...).} {@code keyColumns} is the
 * number of columns before {@code =>}, or -1 when the declaration has no key (§11 Keyed tables, lattices and extern tables).
 * Its span is kept as numbers ({@link SpanNumbers}).
 */
public record Declaration(
    int line, int column, int endLine, int endColumn, boolean output, RelationKind kind, Name name,
    List<Column> columns, boolean extern, int keyColumns) implements Item, SpanNumbers {

  public Declaration {
    columns = List.copyOf(columns);
  }

  public Declaration(
      Span span, boolean output, RelationKind kind, Name name, List<Column> columns, boolean extern, int keyColumns) {
    this(span.line(), span.column(), span.endLine(), span.endColumn(), output, kind, name, columns, extern,
        keyColumns);
  }

  public Declaration(Span span, boolean output, RelationKind kind, Name name, List<Column> columns) {
    this(span, output, kind, name, columns, false, -1);
  }

  public int arity() {
    return columns.size();
  }

  /** Index of the '@' column, if any. */
  public OptionalInt locationColumn() {
    // a loop, not a stream: the analysis asks once per coordination point it writes
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).location()) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  /** Whether the declaration splits its columns with {@code =>}. */
  public boolean keyed() {
    return keyColumns >= 0;
  }

  /** A keyed table whose value columns are lattices: each key holds the join of its values. */
  public boolean isLatticeTable() {
    if (!keyed()) {
      return false;
    }
    for (int i = keyColumns; i < columns.size(); i++) {
      if (columns.get(i).lattice().isLattice()) {
        return true;
      }
    }
    return false;
  }

  /** A keyed table with plain value columns: one row per key, a second row for it is a conflict. */
  public boolean isPlainKeyed() {
    return keyed() && !isLatticeTable();
  }

  /** Whether any column has a lattice type. */
  public boolean hasLatticeColumn() {
    // a loop, not a stream: asked of every declaration when a large program is drawn
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).lattice().isLattice()) {
        return true;
      }
    }
    return false;
  }
}
