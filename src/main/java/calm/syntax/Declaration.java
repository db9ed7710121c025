package calm.syntax;

import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/** {@code output? kind name(col: type, ...).} */
public record Declaration(Span span, boolean output, RelationKind kind, Name name, List<Column> columns)
    implements Item {

  public Declaration {
    columns = List.copyOf(columns);
  }

  public int arity() {
    return columns.size();
  }

  /** Index of the '@' column, if any. */
  public OptionalInt locationColumn() {
    return IntStream.range(0, columns.size()).filter(i -> columns.get(i).location()).findFirst();
  }
}
