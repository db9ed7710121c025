package calm.analysis.calm;

import calm.syntax.Aggregate;
import calm.syntax.Atom;
import calm.syntax.BinaryExpr;
import calm.syntax.Negation;
import calm.syntax.Term;
import calm.syntax.Variable;
import java.util.ArrayList;
import java.util.List;

/** The named variables a term mentions, looking inside expressions and aggregates. */
final class Variables {
  private Variables() {}

  static List<String> in(Term term) {
    List<String> names = new ArrayList<>();
    collect(term, names);
    return names;
  }

  static boolean mentions(Term term, String name) {
    return in(term).contains(name);
  }

  static boolean mentions(Atom atom, String name) {
    for (Term t : atom.arguments()) {
      if (mentions(t, name)) {
        return true;
      }
    }
    return false;
  }

  private static void collect(Term term, List<String> names) {
    if (term instanceof Variable v) {
      names.add(v.name());
    } else if (term instanceof BinaryExpr b) {
      collect(b.left(), names);
      collect(b.right(), names);
    } else if (term instanceof Negation n) {
      collect(n.operand(), names);
    } else if (term instanceof Aggregate a) {
      collect(a.argument(), names);
    }
  }
}
