package calm.syntax;

import calm.source.Span;
import java.util.List;

/**
 * {@code relation(arg, ...)}. In a body, arguments are variables, wildcards or constants. Its span is
 * kept as numbers ({@link SpanNumbers}).
 */
public record Atom(int line, int column, int endLine, int endColumn, Name relation, List<Term> arguments)
    implements SpanNumbers {
  public Atom {
    arguments = List.copyOf(arguments);
  }

  public Atom(Span span, Name relation, List<Term> arguments) {
    this(span.line(), span.column(), span.endLine(), span.endColumn(), relation, arguments);
  }

  public int arity() {
    return arguments.size();
  }
}
