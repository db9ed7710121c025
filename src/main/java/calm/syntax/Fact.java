package calm.syntax;

import calm.source.Span;
import java.util.List;

/** A ground atom ending in '.': an initial fact. Its arguments are constants. */
public record Fact(Span span, Name relation, List<Constant> values) implements Item {
  public Fact {
    values = List.copyOf(values);
  }
}
