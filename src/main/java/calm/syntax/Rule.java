package calm.syntax;

import calm.source.Span;
import java.util.List;
import java.util.Optional;

/** {@code annotation? head :- body.} Its span is kept as numbers ({@link SpanNumbers}). */
public record Rule(
        int line, int column, int endLine, int endColumn, Optional<Annotation> annotation, Head head, List<Literal> body)
    implements Item, SpanNumbers {
  public Rule {
    body = List.copyOf(body);
  }

  public Rule(Span span, Optional<Annotation> annotation, Head head, List<Literal> body) {
    this(span.line(), span.column(), span.endLine(), span.endColumn(), annotation, head, body);
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
