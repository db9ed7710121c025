package calm.analysis;

import calm.analysis.graph.RelationIds;
import calm.syntax.Atom;
import calm.syntax.Declaration;
import calm.syntax.Constraint;
import calm.syntax.Item;
import calm.syntax.Literal;
import calm.syntax.NegatedLiteral;
import calm.syntax.PositiveLiteral;
import calm.syntax.Program;
import calm.syntax.Rule;
import calm.syntax.Seal;
import java.util.List;
import java.util.function.Consumer;

/**
 * An atom of the program, the place it stands in, and the number of the relation it names
 * ({@link RelationIds#UNDECLARED} when none is declared by that name).
 */
record AtomUse(Atom atom, Role role, Item item, int relation) {
  enum Role {
    HEAD,
    POSITIVE,
    NEGATED,
    SEALED,
    GUARD
  }

  /**
   * Every atom of every rule, seal and constraint (facts are not atoms), in source order; the rules'
   * relations as {@code ids} resolved them.
   */
  static void forEach(Program program, RelationIds ids, Consumer<AtomUse> action) {
    int r = 0;
    for (Item item : program.items()) {
      forEach(item, item instanceof Rule ? r++ : -1, ids, action);
    }
  }

  /** The atoms of one item, in source order; {@code rule} is its place among the rules, if a rule. */
  static void forEach(Item item, int rule, RelationIds ids, Consumer<AtomUse> action) {
    if (item instanceof Rule r) {
      action.accept(new AtomUse(r.head().atom(), Role.HEAD, r, ids.head(rule)));
      List<Literal> body = r.body();
      for (int i = 0; i < body.size(); i++) {
        Literal literal = body.get(i);
        if (literal instanceof PositiveLiteral p) {
          action.accept(new AtomUse(p.atom(), Role.POSITIVE, r, ids.body(rule, i)));
        } else if (literal instanceof NegatedLiteral n) {
          action.accept(new AtomUse(n.atom(), Role.NEGATED, r, ids.body(rule, i)));
        }
      }
    } else if (item instanceof Constraint constraint) {
      for (Literal literal : constraint.body()) {
        if (literal instanceof PositiveLiteral p) {
          action.accept(new AtomUse(p.atom(), Role.POSITIVE, constraint, id(ids, p.atom())));
        } else if (literal instanceof NegatedLiteral n) {
          action.accept(new AtomUse(n.atom(), Role.NEGATED, constraint, id(ids, n.atom())));
        }
      }
    } else if (item instanceof Seal seal) {
      action.accept(new AtomUse(seal.sealed(), Role.SEALED, seal, id(ids, seal.sealed())));
      action.accept(new AtomUse(seal.guard(), Role.GUARD, seal, id(ids, seal.guard())));
    }
  }

  private static int id(RelationIds ids, Atom atom) {
    return ids.id(atom.relation().text());
  }

  /** The declaration of the relation, or null when it is undeclared. */
  Declaration declaration(RelationIds ids) {
    return relation == RelationIds.UNDECLARED ? null : ids.declaration(relation);
  }
}
