package calm.syntax;

import calm.source.Span;
import java.util.List;

/** {@code relation(arg, ...)}. In a body, arguments are variables, wildcards or constants. */
public record Atom(Span span, Name relation, List<Term> arguments) implements Node {
  public Atom {
    arguments = List.copyOf(arguments);
  }

  public int arity() {
    return arguments.size();
  }
}
