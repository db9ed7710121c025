package calm.syntax;

import calm.source.Span;
/** {@code left op right}; {@code X = E} also binds X (§4 Rules). */
public record Comparison(Span span, Expr left, ComparisonOperator operator, Expr right)
    implements Literal {}
