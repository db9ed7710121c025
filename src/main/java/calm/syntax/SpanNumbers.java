package calm.syntax;

import calm.source.Span;

/**
 * A node that keeps its span as four numbers of its record rather than as a {@link Span} object: the
 * most numerous nodes (names, variables, atoms, rules...) do, since a million-rule program would
 * otherwise hold fifteen million span objects. The span is made when asked.
 */
public interface SpanNumbers extends Node {
  int line();

  int column();

  int endLine();

  int endColumn();

  @Override
  default Span span() {
    return Span.of(line(), column(), endLine(), endColumn());
  }
}
