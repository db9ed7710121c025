package calm.eval;

import calm.syntax.StringLiterals;
import java.util.List;
import java.util.stream.Collectors;

/** A fact with its values decoded ({@code Long} or {@code String}), for showing and comparing. */
public record GroundFact(String relation, List<Object> values) {
  public GroundFact {
    values = List.copyOf(values);
  }

  /** A fact of {@code relation} as the engine holds it, encoded in {@code tuple}, decoded. */
  public static GroundFact decode(Relation relation, long[] tuple, StringPool strings) {
    return new GroundFact(relation.name(), List.of(Values.decode(tuple, relation.types(), strings)));
  }

  /** As a program would write it: {@code cart("s1", 3)}. */
  @Override
  public String toString() {
    return relation
        + values.stream()
            .map(v -> v instanceof String s ? StringLiterals.quote(s) : v.toString())
            .collect(Collectors.joining(", ", "(", ")"));
  }
}
