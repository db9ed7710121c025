package calm.analysis;

import calm.syntax.Declaration;
import calm.syntax.Fact;
import calm.syntax.Program;
import calm.syntax.Rule;
import java.util.HashSet;
import java.util.Set;

/**
 * Which relations something can write (§5 Annotations and seals): a rule derives them, a fact fills them, or
 * the outside world does. The one place that says what the outside world fills.
 */
final class Writable {
  private final Set<String> written = new HashSet<>();

  private Writable(Program program) {
    for (Rule rule : program.rules()) {
      written.add(rule.head().atom().relation().text());
    }
    for (Fact fact : program.facts()) {
      written.add(fact.relation().text());
    }
  }

  static Writable of(Program program) {
    return new Writable(program);
  }

  /** Whether a rule, a fact or the outside world can put facts in the relation. */
  boolean canBeWritten(Declaration declaration) {
    return written.contains(declaration.name().text()) || filledFromOutside(declaration);
  }

  /**
   * Inputs and channels: clients and the network fill them; extern tables: a facts directory (§11 Keyed
   * tables, lattices and extern tables).
   */
  static boolean filledFromOutside(Declaration declaration) {
    return declaration.kind().isSourceOfAsynchrony() || declaration.extern();
  }
}
