package calm.analysis.graph;

import calm.syntax.BinaryExpr;
import calm.syntax.Comparison;
import calm.syntax.ComparisonOperator;
import calm.syntax.Expr;
import calm.syntax.IntConstant;
import calm.syntax.Literal;
import calm.syntax.Negation;
import calm.syntax.Rule;
import calm.syntax.Variable;
import java.util.OptionalLong;

/**
 * Whether a rule's body proves a summed value non-negative, which a sum needs to be monotone: both a
 * sum aggregate (§8 The CALM analysis) and a sum over a {@code max} lattice column (§11 Keyed tables,
 * lattices and extern tables) ask for the same test, so both read it here.
 */
public final class NonNegative {
  private NonNegative() {}

  /**
   * Whether a comparison in the body proves the summed variable is at least 0: {@code V >= k} or
   * {@code V = k} with {@code k >= 0}, or {@code V > k} with {@code k >= -1}, either way round.
   */
  public static boolean provedBy(Rule rule, Expr summed) {
    if (!(summed instanceof Variable v)) {
      return false;
    }
    for (Literal literal : rule.body()) {
      if (literal instanceof Comparison c) {
        ComparisonOperator op;
        OptionalLong bound;
        if (c.left() instanceof Variable l && l.name().equals(v.name())) {
          op = c.operator();
          bound = constantValue(c.right());
        } else if (c.right() instanceof Variable r && r.name().equals(v.name())) {
          op = c.operator().flipped();
          bound = constantValue(c.left());
        } else {
          continue;
        }
        if (bound.isEmpty()) {
          continue;
        }
        long k = bound.getAsLong();
        if ((op == ComparisonOperator.GE || op == ComparisonOperator.EQ) && k >= 0) {
          return true;
        }
        if (op == ComparisonOperator.GT && k >= -1) {
          return true;
        }
      }
    }
    return false;
  }

  /** The value of an expression without variables, if it has one (no overflow, no division by 0). */
  public static OptionalLong constantValue(Expr e) {
    try {
      if (e instanceof IntConstant i) {
        return OptionalLong.of(i.value());
      }
      if (e instanceof Negation n) {
        OptionalLong inner = constantValue(n.operand());
        return inner.isEmpty() ? inner : OptionalLong.of(Math.negateExact(inner.getAsLong()));
      }
      if (e instanceof BinaryExpr b) {
        OptionalLong l = constantValue(b.left());
        OptionalLong r = constantValue(b.right());
        if (l.isEmpty() || r.isEmpty()) {
          return OptionalLong.empty();
        }
        long x = l.getAsLong();
        long y = r.getAsLong();
        return switch (b.operator()) {
          case ADD -> OptionalLong.of(Math.addExact(x, y));
          case SUBTRACT -> OptionalLong.of(Math.subtractExact(x, y));
          case MULTIPLY -> OptionalLong.of(Math.multiplyExact(x, y));
          case DIVIDE -> y == 0 || (x == Long.MIN_VALUE && y == -1) ? OptionalLong.empty() : OptionalLong.of(x / y);
          case REMAINDER -> y == 0 ? OptionalLong.empty() : OptionalLong.of(x % y);
        };
      }
    } catch (ArithmeticException overflow) {
      return OptionalLong.empty();
    }
    return OptionalLong.empty();
  }
}
