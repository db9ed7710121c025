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
    // a loop, not three streams: a program of 100,000 rules declares some 110,000 relations
    List<Column> columns = declaration.columns();
    String[] names = new String[columns.size()];
    Type[] types = new Type[columns.size()];
    Lattice[] lattices = new Lattice[columns.size()];
    for (int i = 0; i < names.length; i++) {
      Column c = columns.get(i);
      names[i] = c.name().text();
      types[i] = c.type();
      lattices[i] = c.lattice();
    }
    return new Relation(
        id,
        declaration.name().text(),
        declaration.kind(),
        declaration.output(),
        List.of(names),
        List.of(types),
        declaration.locationColumn().orElse(-1),
        declaration.kind() == RelationKind.TABLE ? declaration.keyColumns() : -1,
        List.of(lattices),
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
