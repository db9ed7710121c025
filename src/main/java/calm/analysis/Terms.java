package calm.analysis;

import calm.syntax.BinaryExpr;
import calm.syntax.Term;
import calm.syntax.Variable;
import calm.syntax.Wildcard;

/**
 * How a term reads in a message, and whether it may stand in a body atom; the walk inside terms is
 * {@link calm.syntax.Variables}.
 */
final class Terms {
  private Terms() {}

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
