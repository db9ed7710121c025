package calm.analysis;

import calm.syntax.Aggregate;
import calm.syntax.BinaryExpr;
import calm.syntax.Expr;
import calm.syntax.Negation;
import calm.syntax.Term;
import calm.syntax.Variable;
import calm.syntax.Wildcard;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Walks the expressions inside terms. */
final class Terms {
  private Terms() {}

  /** Every named variable in a term, in source order, repeats included. */
  static List<Variable> variables(Term term) {
    return nodes(term, Variable.class);
  }

  /** Every wildcard in a term. */
  static List<Wildcard> wildcards(Term term) {
    return nodes(term, Wildcard.class);
  }

  private static <T extends Expr> List<T> nodes(Term term, Class<T> type) {
    // most terms are a lone variable, wildcard or constant: no list to grow, no visitor
    if (term instanceof Variable || term instanceof Wildcard || term instanceof calm.syntax.Constant) {
      return type.isInstance(term) ? List.of(type.cast(term)) : List.of();
    }
    List<T> out = new ArrayList<>();
    visit(term, e -> {
      if (type.isInstance(e)) {
        out.add(type.cast(e));
      }
    });
    return out;
  }

  /** Calls {@code visitor} on every expression node, outermost first. */
  static void visit(Term term, Consumer<Expr> visitor) {
    if (term instanceof Aggregate a) {
      visit(a.argument(), visitor);
      return;
    }
    Expr expr = (Expr) term;
    visitor.accept(expr);
    if (expr instanceof BinaryExpr b) {
      visit(b.left(), visitor);
      visit(b.right(), visitor);
    } else if (expr instanceof Negation n) {
      visit(n.operand(), visitor);
    }
  }

  /** A term as the user would write it: without the outer parentheses that toString() adds. */
  static String show(Term term) {
    String text = term.toString();
    return term instanceof BinaryExpr ? text.substring(1, text.length() - 1) : text;
  }

  /** Whether a term may stand in a body atom: a variable, a wildcard or a constant. */
  static boolean isSimple(Term term) {
    return term instanceof Variable || term instanceof Wildcard || term instanceof calm.syntax.Constant;
  }
}
