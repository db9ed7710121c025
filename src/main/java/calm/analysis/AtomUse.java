package calm.analysis;

import calm.syntax.Atom;
import calm.syntax.Constraint;
import calm.syntax.Item;
import calm.syntax.Literal;
import calm.syntax.NegatedLiteral;
import calm.syntax.PositiveLiteral;
import calm.syntax.Program;
import calm.syntax.Rule;
import calm.syntax.Seal;
import java.util.function.Consumer;

/** An atom of the program and the place it stands in. */
record AtomUse(Atom atom, Role role, Item item) {
  enum Role {
    HEAD,
    POSITIVE,
    NEGATED,
    SEALED,
    GUARD
  }

  /** Every atom of every rule, seal and constraint (facts are not atoms), in source order. */
  static void forEach(Program program, Consumer<AtomUse> action) {
    for (Item item : program.items()) {
      if (item instanceof Rule rule) {
        action.accept(new AtomUse(rule.head().atom(), Role.HEAD, rule));
        body(rule.body(), rule, action);
      } else if (item instanceof Constraint constraint) {
        body(constraint.body(), constraint, action);
      } else if (item instanceof Seal seal) {
        action.accept(new AtomUse(seal.sealed(), Role.SEALED, seal));
        action.accept(new AtomUse(seal.guard(), Role.GUARD, seal));
      }
    }
  }

  private static void body(java.util.List<Literal> body, Item item, Consumer<AtomUse> action) {
    for (Literal literal : body) {
      if (literal instanceof PositiveLiteral p) {
        action.accept(new AtomUse(p.atom(), Role.POSITIVE, item));
      } else if (literal instanceof NegatedLiteral n) {
        action.accept(new AtomUse(n.atom(), Role.NEGATED, item));
      }
    }
  }
}
