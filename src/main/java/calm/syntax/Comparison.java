package calm.syntax;

import calm.source.Span;
/**
 * {@code left op right}; {@code X = E} also binds X (§4 Rules). Its span is kept as numbers, as a
 * {@link SpanNumbers}.
 */
public record Comparison(
        int line, int column, int endLine, int endColumn, Expr left, ComparisonOperator operator, Expr right)
    implements Literal, SpanNumbers {
  public Comparison(Span span, Expr left, ComparisonOperator operator, Expr right) {
    this(span.line(), span.column(), span.endLine(), span.endColumn(), left, operator, right);
  }

}
