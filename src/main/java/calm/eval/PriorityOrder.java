package calm.eval;

import calm.syntax.ArithmeticOperator;
import calm.syntax.BinaryExpr;
import calm.syntax.Comparison;
import calm.syntax.Expr;
import calm.syntax.IntConstant;
import calm.syntax.Lattice;
import calm.syntax.Literal;
import calm.syntax.NegatedLiteral;
import calm.syntax.Negation;
import calm.syntax.PositiveLiteral;
import calm.syntax.Rule;
import calm.syntax.Term;
import calm.syntax.Type;
import calm.syntax.Variable;
import java.util.List;

/**
 * A recursive component that may expand its delta in priority order instead of round by round:
 * one keyed table whose only value column is a {@code min<int>} (or {@code max<int>}), each recursive
 * rule reading it once and deriving its head's value from the body's by adding terms that do not
 * mention it or multiplying by a constant >= 0 (monotone arithmetic), the value variable used nowhere else. The least fixpoint of such a
 * component does not depend on the order in which raised keys are expanded, so expanding the best
 * value first (Dijkstra's order; label-correcting when some added term is negative) gives today's
 * result while expanding each key about once when the added terms are non-negative.
 */
record PriorityOrder(int relation, int valueColumn, boolean lowestFirst) {

  /** The order for a component of {@code relations} with {@code recursiveRules}, or null (rounds). */
  static PriorityOrder of(List<Relation> relations, List<Rule> recursiveRules) {
    if (relations.size() != 1 || recursiveRules.isEmpty()) {
      return null;
    }
    Relation r = relations.get(0);
    int value = r.arity() - 1;
    if (!r.keyed() || r.keyColumns() != value || r.types().get(value) != Type.INT) {
      return null;
    }
    Lattice lattice = r.lattices().get(value);
    if (!lattice.isLattice()) {
      return null;
    }
    for (Rule rule : recursiveRules) {
      if (!fits(rule, r.name(), value)) {
        return null;
      }
    }
    return new PriorityOrder(r.id(), value, lattice == Lattice.MIN);
  }

  private static boolean fits(Rule rule, String name, int value) {
    if (rule.isAggregate() || !rule.head().atom().relation().text().equals(name)) {
      return false;
    }
    PositiveLiteral recursive = null;
    for (Literal literal : rule.body()) {
      if (literal instanceof PositiveLiteral p && p.atom().relation().text().equals(name)) {
        if (recursive != null) {
          return false; // non-linear: two reads of the lattice
        }
        recursive = p;
      }
    }
    if (recursive == null || !(recursive.atom().arguments().get(value) instanceof Variable v)) {
      return false;
    }
    String d = v.name();
    List<Term> args = recursive.atom().arguments();
    for (int c = 0; c < value; c++) {
      if (mentions(args.get(c), d)) {
        return false;
      }
    }
    for (Literal literal : rule.body()) {
      if (literal != recursive && mentions(literal, d)) {
        return false;
      }
    }
    List<Term> head = rule.head().atom().arguments();
    for (int c = 0; c < value; c++) {
      if (mentions(head.get(c), d)) {
        return false;
      }
    }
    return head.get(value) instanceof Expr e && monotone(e, d);
  }

  /** {@code d}, or {@code d} plus (or minus) terms free of {@code d}, or times a constant >= 0. */
  private static boolean monotone(Expr e, String d) {
    if (e instanceof Variable v) {
      return v.name().equals(d);
    }
    if (e instanceof BinaryExpr b) {
      if (b.operator() == ArithmeticOperator.ADD) {
        return monotone(b.left(), d) && !mentions(b.right(), d)
            || monotone(b.right(), d) && !mentions(b.left(), d);
      }
      if (b.operator() == ArithmeticOperator.SUBTRACT) {
        return monotone(b.left(), d) && !mentions(b.right(), d);
      }
      if (b.operator() == ArithmeticOperator.MULTIPLY) {
        return monotone(b.left(), d) && nonNegative(b.right()) || monotone(b.right(), d) && nonNegative(b.left());
      }
    }
    return false;
  }

  private static boolean nonNegative(Expr e) {
    return e instanceof IntConstant c && c.value() >= 0;
  }

  private static boolean mentions(Object node, String d) {
    if (node instanceof Variable v) {
      return v.name().equals(d);
    }
    if (node instanceof BinaryExpr b) {
      return mentions(b.left(), d) || mentions(b.right(), d);
    }
    if (node instanceof Negation n) {
      return mentions(n.operand(), d);
    }
    if (node instanceof Comparison c) {
      return mentions(c.left(), d) || mentions(c.right(), d);
    }
    if (node instanceof PositiveLiteral p) {
      return p.atom().arguments().stream().anyMatch(t -> mentions(t, d));
    }
    if (node instanceof NegatedLiteral n) {
      return n.atom().arguments().stream().anyMatch(t -> mentions(t, d));
    }
    return node instanceof Term t && !(t instanceof Expr); // an aggregate: be safe
  }
}
