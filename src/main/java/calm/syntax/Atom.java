package calm.syntax;

import calm.source.Span;
import java.util.List;

/**
 * {@code relation(arg, ...)}. In a body, arguments are variables, wildcards or constants. Its span is
 * kept as numbers ({@link SpanNumbers}), and it starts where its relation's name does, so only its
 * end is kept (32 bytes instead of 40; 2.7 million atoms in the million-rule benchmark).
 */
public record Atom(Name relation, List<Term> arguments, int endLine, int endColumn) implements SpanNumbers {
  public Atom {
    arguments = List.copyOf(arguments);
  }

  public Atom(Span span, Name relation, List<Term> arguments) {
    this(relation, arguments, span.endLine(), span.endColumn());
    if (span.line() != relation.line() || span.column() != relation.column()) {
      throw new IllegalArgumentException("an atom starts at its relation's name: " + relation + " at " + span);
    }
  }

  @Override
  public int line() {
    return relation.line();
  }

  @Override
  public int column() {
    return relation.column();
  }

  public int arity() {
    return arguments.size();
  }
}
