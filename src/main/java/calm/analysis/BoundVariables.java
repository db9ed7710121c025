package calm.analysis;

import calm.syntax.Comparison;
import calm.syntax.ComparisonOperator;
import calm.syntax.Expr;
import calm.syntax.Literal;
import calm.syntax.PositiveLiteral;
import calm.syntax.Rule;
import calm.syntax.Term;
import calm.syntax.Variable;
import calm.syntax.Variables;
import java.util.HashSet;
import java.util.Set;

/**
 * The variables a rule's body binds (§4 Rules): those of its positive atoms, then, repeated to a fixpoint,
 * {@code X} in {@code X = E} or {@code E = X} once every variable of {@code E} is bound. The order of
 * the literals plays no part.
 */
final class BoundVariables {
  private BoundVariables() {}

  static Set<String> of(Rule rule) {
    return of(rule.body());
  }

  /** The same for a body alone (a constraint's, §12 Integrity constraints). */
  static Set<String> of(java.util.List<Literal> body) {
    Set<String> bound = new HashSet<>();
    for (Literal literal : body) {
      if (literal instanceof PositiveLiteral p) {
        for (Term argument : p.atom().arguments()) {
          bound.addAll(Variables.names(argument));
        }
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Literal literal : body) {
        if (literal instanceof Comparison c && c.operator() == ComparisonOperator.EQ) {
          changed |= bindsOneSide(c.left(), c.right(), bound);
          changed |= bindsOneSide(c.right(), c.left(), bound);
        }
      }
    }
    return bound;
  }

  private static boolean bindsOneSide(Expr target, Expr source, Set<String> bound) {
    if (target instanceof Variable v && !bound.contains(v.name())) {
      boolean sourceBound =
          bound.containsAll(Variables.names(source))
              && Variables.wildcards(source).isEmpty();
      if (sourceBound) {
        bound.add(v.name());
        return true;
      }
    }
    return false;
  }
}
