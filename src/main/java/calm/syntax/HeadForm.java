package calm.syntax;

/** When and how a head's facts take effect (§4 Rules). */
public enum HeadForm {
  /** {@code r(...)}: in the same tick, within the fixpoint (Bloom {@code <=}). */
  SAME_TICK,
  /** {@code r(...)@next}: inserted at the start of the next tick ({@code <+}). */
  NEXT,
  /** {@code delete r(...)}: removed at the start of the next tick ({@code <-}). */
  DELETE,
  /** {@code ch(...)@async}: sent over the network ({@code <~}). */
  ASYNC,
  /** {@code kv(...)@update}: the key's row is replaced at the start of the next tick ({@code <+-}, §11 Keyed tables, lattices and extern tables). */
  UPDATE
}
