package calm.syntax;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The one walk over the expressions inside terms (§4 Rules: variables, expressions and aggregates),
 * and what the analysis and the interpreter ask of it: the variables a term, an atom or a literal
 * mentions, its wildcards, whether it mentions a name.
 */
public final class Variables {
  private Variables() {}

  /** Calls {@code visitor} on every expression node of a term, outermost first, inside aggregates too. */
  public static void visit(Term term, Consumer<Expr> visitor) {
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

  /** Every named variable in a term, in source order, repeats included. */
  public static List<Variable> of(Term term) {
    return nodes(term, Variable.class);
  }

  /** Every wildcard in a term. */
  public static List<Wildcard> wildcards(Term term) {
    return nodes(term, Wildcard.class);
  }

  /** The names of the variables in a term, in source order, repeats included. */
  public static List<String> names(Term term) {
    if (term instanceof Variable v) {
      return List.of(v.name());
    }
    List<String> names = new ArrayList<>();
    visit(term, e -> {
      if (e instanceof Variable v) {
        names.add(v.name());
      }
    });
    return names;
  }

  /** The distinct names of the variables in an atom's arguments, in order of first appearance. */
  public static Set<String> names(Atom atom) {
    Set<String> names = new LinkedHashSet<>();
    for (Term t : atom.arguments()) {
      names.addAll(names(t));
    }
    return names;
  }

  /** The distinct names of the variables a body literal mentions, in order of first appearance. */
  public static Set<String> names(Literal literal) {
    if (literal instanceof PositiveLiteral p) {
      return names(p.atom());
    }
    if (literal instanceof NegatedLiteral n) {
      return names(n.atom());
    }
    Comparison c = (Comparison) literal;
    Set<String> names = new LinkedHashSet<>(names(c.left()));
    names.addAll(names(c.right()));
    return names;
  }

  public static boolean mentions(Term term, String name) {
    if (term instanceof Variable v) {
      return v.name().equals(name);
    }
    boolean[] found = {false};
    visit(term, e -> found[0] |= e instanceof Variable v && v.name().equals(name));
    return found[0];
  }

  public static boolean mentions(Atom atom, String name) {
    for (Term t : atom.arguments()) {
      if (mentions(t, name)) {
        return true;
      }
    }
    return false;
  }

  private static <T extends Expr> List<T> nodes(Term term, Class<T> type) {
    // most terms are a lone variable, wildcard or constant: no list to grow, no visitor
    if (term instanceof Variable || term instanceof Wildcard || term instanceof Constant) {
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
}
