package calm.syntax;

import calm.source.Span;
import java.util.List;
import java.util.Optional;

/** {@code annotation? head :- body.} */
public record Rule(Span span, Optional<Annotation> annotation, Head head, List<Literal> body)
    implements Item {
  public Rule {
    body = List.copyOf(body);
  }

  public boolean isAggregate() {
    for (Term argument : head.atom().arguments()) {
      if (argument instanceof Aggregate) {
        return true;
      }
    }
    return false;
  }
}
