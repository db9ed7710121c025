package calm.syntax;

import calm.source.Span;
/**
 * {@code count(V)}, {@code sum(V)}, {@code min(V)} or {@code max(V)} in a head. The argument is
 * kept as written (the checks insist on a body variable) so that a misuse can be reported exactly.
 */
public record Aggregate(Span span, AggregateFunction function, Span functionSpan, Expr argument)
    implements Term {
  @Override
  public String toString() {
    return function.keyword() + "(" + argument + ")";
  }
}
