package calm.analysis;

import calm.syntax.Declaration;
import calm.analysis.graph.RelationIds;
import calm.syntax.Fact;

/**
 * Which relations something can write (§5 Annotations and seals): a rule derives them, a fact fills them, or
 * the outside world does. The one place that says what the outside world fills.
 */
final class Writable {
  private final RelationIds ids;
  /** By relation number: whether a rule derives it or a fact fills it. */
  private final boolean[] written;

  private Writable(CheckContext context) {
    // the rules' heads from their numbers, without a walk over the syntax tree; then the facts
    ids = context.ids();
    written = new boolean[ids.size()];
    for (int r = 0; r < ids.rules(); r++) {
      if (ids.head(r) != RelationIds.UNDECLARED) {
        written[ids.head(r)] = true;
      }
    }
    for (Fact fact : context.program().facts()) {
      int relation = ids.id(fact.relation().text());
      if (relation != RelationIds.UNDECLARED) {
        written[relation] = true;
      }
    }
  }

  static Writable of(CheckContext context) {
    return new Writable(context);
  }

  /** Whether a rule, a fact or the outside world can put facts in the relation. */
  boolean canBeWritten(Declaration declaration) {
    return derivedOrFilled(ids.id(declaration.name().text())) || filledFromOutside(declaration);
  }

  /** Whether a rule derives the relation numbered {@code relation} or a fact of the program fills it. */
  boolean derivedOrFilled(int relation) {
    return relation != RelationIds.UNDECLARED && written[relation];
  }

  /**
   * Inputs and channels: clients and the network fill them; extern tables: a facts directory (§11 Keyed
   * tables, lattices and extern tables).
   */
  static boolean filledFromOutside(Declaration declaration) {
    return declaration.kind().isSourceOfAsynchrony() || declaration.extern();
  }
}
