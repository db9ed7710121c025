package calm.eval;

import calm.syntax.Atom;
import calm.syntax.Constant;
import calm.syntax.HeadForm;
import calm.syntax.Literal;
import calm.syntax.PositiveLiteral;
import calm.syntax.Rule;
import calm.syntax.Term;
import calm.syntax.Variable;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a rule derives each of its head's tuples at most once per evaluation: its positive atoms
 * read sets of rows, and when every column of them is a variable or a constant and every such
 * variable is a column of the head, two different combinations of body rows give two different head
 * tuples (negations and comparisons only drop combinations). Such a rule run on an empty head
 * relation need not look each tuple up in the relation's set ({@link TupleStore#trustAppends}): in
 * {@code unreach(R, Y) :- root(R), node(Y), not reach(R, Y)} that probe is most of the rule's cost.
 */
final class DistinctHeads {
  private DistinctHeads() {}

  static boolean of(Rule rule, CompiledProgram program) {
    Atom head = rule.head().atom();
    if (rule.head().form() != HeadForm.SAME_TICK || rule.isAggregate()) {
      return false;
    }
    Relation headRelation = program.relation(head.relation().text());
    if (headRelation.keyed() || headRelation.extern()) {
      return false;
    }
    Set<String> headVariables = new HashSet<>();
    for (Term t : head.arguments()) {
      if (t instanceof Variable v) {
        headVariables.add(v.name());
      }
    }
    for (Literal literal : rule.body()) {
      if (!(literal instanceof PositiveLiteral p)) {
        continue;
      }
      if (program.relation(p.atom().relation().text()).extern()) {
        return false;
      }
      for (Term t : p.atom().arguments()) {
        if (t instanceof Variable v) {
          if (!headVariables.contains(v.name())) {
            return false;
          }
        } else if (!(t instanceof Constant)) {
          return false;
        }
      }
    }
    return true;
  }
}
