package calm.syntax;

import calm.source.Span;
/** {@code left op right} for {@code + - * / %}. */
public record BinaryExpr(Span span, Expr left, ArithmeticOperator operator, Expr right) implements Expr {
  @Override
  public String toString() {
    return "(" + left + " " + operator.symbol() + " " + right + ")";
  }
}
