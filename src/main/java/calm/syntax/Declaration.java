package calm.syntax;

import calm.source.Span;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * {@code output? extern? kind name(col: type, ... => col: type, ...).} {@code keyColumns} is the
 * number of columns before {@code =>}, or -1 when the declaration has no key (§11 Keyed tables, lattices and extern tables).
 */
public record Declaration(
    Span span, boolean output, RelationKind kind, Name name, List<Column> columns, boolean extern,
    int keyColumns) implements Item {

  public Declaration {
    columns = List.copyOf(columns);
  }

  public Declaration(Span span, boolean output, RelationKind kind, Name name, List<Column> columns) {
    this(span, output, kind, name, columns, false, -1);
  }

  public int arity() {
    return columns.size();
  }

  /** Index of the '@' column, if any. */
  public OptionalInt locationColumn() {
    return IntStream.range(0, columns.size()).filter(i -> columns.get(i).location()).findFirst();
  }

  /** Whether the declaration splits its columns with {@code =>}. */
  public boolean keyed() {
    return keyColumns >= 0;
  }

  /** A keyed table whose value columns are lattices: each key holds the join of its values. */
  public boolean isLatticeTable() {
    return keyed() && columns.stream().skip(keyColumns).anyMatch(c -> c.lattice().isLattice());
  }

  /** A keyed table with plain value columns: one row per key, a second row for it is a conflict. */
  public boolean isPlainKeyed() {
    return keyed() && !isLatticeTable();
  }

  /** Whether any column has a lattice type. */
  public boolean hasLatticeColumn() {
    return columns.stream().anyMatch(c -> c.lattice().isLattice());
  }
}
