package calm.analysis;

import calm.diagnostics.Diagnostic;
import calm.syntax.Item;
import java.util.function.Consumer;

/**
 * A check that judges each item of the program on its own (a rule, fact, seal, constraint or
 * declaration), with what the {@link CheckContext} worked out about the whole. The checker shows all
 * such checks each item in turn, in one walk over the program ({@link ItemWalk}), as Error Prone's
 * scanner shows every matcher each node: an item's nodes come from memory once for all of them
 * instead of once per check. On the 100,000-rule benchmark a walk over every atom cost as much as a
 * simple check (about 40 ms), since the syntax tree is far larger than the processor's caches.
 */
interface ItemCheck extends Check {
  /**
   * Judges one item. {@code rule} is its place among the program's rules when it is a rule (what
   * {@link calm.analysis.graph.RelationIds} numbers rules by), else -1.
   */
  void checkItem(CheckContext context, Item item, int rule, Consumer<Diagnostic> report);

  /** Alone: every item, in source order. */
  @Override
  default void check(CheckContext context, Consumer<Diagnostic> report) {
    ItemWalk.walk(context, java.util.List.of(this), 0, 1).get(0).forEach(report);
  }
}
