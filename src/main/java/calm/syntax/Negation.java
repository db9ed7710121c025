package calm.syntax;

import calm.source.Span;
/** Unary minus on an expression that is not a plain literal. */
public record Negation(Span span, Expr operand) implements Expr {
  @Override
  public String toString() {
    return "-" + operand;
  }
}
