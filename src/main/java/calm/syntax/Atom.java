package calm.syntax;

import calm.source.Span;
import java.util.List;

/**
 * {@code relation(arg, ...)}. In a body, arguments are variables, wildcards or constants. Its span is
 * kept as numbers, as a {@link Name}'s is.
 */
public record Atom(int line, int column, int endLine, int endColumn, Name relation, List<Term> arguments)
    implements Node {
  public Atom {
    arguments = List.copyOf(arguments);
  }

  public Atom(Span span, Name relation, List<Term> arguments) {
    this(span.line(), span.column(), span.endLine(), span.endColumn(), relation, arguments);
  }

  @Override
  public Span span() {
    return Span.of(line, column, endLine, endColumn);
  }

  public int arity() {
    return arguments.size();
  }
}
