package calm.eval;

import calm.syntax.Column;
import calm.syntax.Declaration;
import calm.syntax.Lattice;
import calm.syntax.RelationKind;
import calm.syntax.Type;
import java.util.List;

/**
 * A declared relation as the engine sees it: a dense id, its kind, column types and, for a channel,
 * the column that names the destination node (-1 otherwise). A keyed table (§11 Keyed tables, lattices and
 * extern tables) has {@code keyColumns} >= 0 key columns in front; its value columns are plain or lattices
 * ({@code lattices}).
 */
public record Relation(
    int id, String name, RelationKind kind, boolean output, List<String> columnNames, List<Type> types,
    int locationColumn, int keyColumns, List<Lattice> lattices, boolean extern) {

  static Relation of(int id, Declaration declaration) {
    return new Relation(
        id,
        declaration.name().text(),
        declaration.kind(),
        declaration.output(),
        declaration.columns().stream().map(c -> c.name().text()).toList(),
        declaration.columns().stream().map(Column::type).toList(),
        declaration.locationColumn().orElse(-1),
        declaration.kind() == RelationKind.TABLE ? declaration.keyColumns() : -1,
        declaration.columns().stream().map(Column::lattice).toList(),
        declaration.extern());
  }

  public int arity() {
    return types.size();
  }

  /** Scratch, input and channel relations hold a fact only in the tick it appears. */
  public boolean isEphemeral() {
    return kind != RelationKind.TABLE;
  }

  /** A table with a key: one row per key. */
  public boolean keyed() {
    return keyColumns >= 0;
  }

  /** A keyed table whose values merge by join. */
  public boolean isLattice() {
    return keyed() && lattices.stream().anyMatch(Lattice::isLattice);
  }
}
