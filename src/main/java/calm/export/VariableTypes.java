package calm.export;

import calm.syntax.Comparison;
import calm.syntax.Constant;
import calm.syntax.Declaration;
import calm.syntax.Expr;
import calm.syntax.Literal;
import calm.syntax.PositiveLiteral;
import calm.syntax.Term;
import calm.syntax.Type;
import calm.syntax.Variable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The type of each variable of a checked rule body, which Soufflé needs for the helper relations of an
 * aggregate: a variable's column in a positive atom, else the side of the {@code =} that binds it
 * (arithmetic is always {@code int}). The type check has already made every use agree.
 */
final class VariableTypes {
  private VariableTypes() {}

  static Map<String, Type> of(List<Literal> body, Map<String, Declaration> declarations) {
    Map<String, Type> types = new HashMap<>();
    for (Literal l : body) {
      if (l instanceof PositiveLiteral p) {
        Declaration d = declarations.get(p.atom().relation().text());
        List<Term> args = p.atom().arguments();
        for (int i = 0; d != null && i < args.size() && i < d.arity(); i++) {
          if (args.get(i) instanceof Variable v) {
            types.putIfAbsent(v.name(), d.columns().get(i).type());
          }
        }
      }
    }
    // '=' bindings may chain (Y = X, Z = Y), each pass settles at least one more
    for (int pass = 0; pass < body.size(); pass++) {
      boolean changed = false;
      for (Literal l : body) {
        if (l instanceof Comparison c) {
          changed |= bind(c.left(), c.right(), types) | bind(c.right(), c.left(), types);
        }
      }
      if (!changed) {
        break;
      }
    }
    return types;
  }

  private static boolean bind(Expr target, Expr source, Map<String, Type> types) {
    if (!(target instanceof Variable v) || types.containsKey(v.name())) {
      return false;
    }
    Type type;
    if (source instanceof Variable s) {
      type = types.get(s.name());
    } else if (source instanceof Constant c) {
      type = c.type();
    } else {
      type = Type.INT;
    }
    if (type == null) {
      return false;
    }
    types.put(v.name(), type);
    return true;
  }
}
