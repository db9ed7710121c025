package calm.eval;

/**
 * Watches a run. {@link #afterFixpoint} sees every node's state at the end of each tick's fixpoint
 * (before scratch empties), which is when every fact that ever holds is visible. A trace observer also
 * receives a {@link NodeTick} per node and tick.
 */
public interface RunObserver {
  default void afterFixpoint(Run run, int tick) {}

  /** Whether to collect {@link NodeTick}s (costs a copy of each tick's new facts). */
  default boolean wantsTicks() {
    return false;
  }

  default void nodeTick(NodeTick tick) {}

  /**
   * A constraint found violated after a fixpoint (§12 Integrity constraints), before that tick's
   * {@link NodeTick}s.
   */
  default void constraintViolated(ConstraintViolation violation) {}

  RunObserver NONE = new RunObserver() {};
}
