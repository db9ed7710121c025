package calm.eval;

/**
 * A second, different row for a key of a plain keyed table (§11 Keyed tables, lattices and extern tables),
 * thrown where it is found; whoever knows the relation, the rule or the fact turns it into a {@link RunError}
 * that names them all.
 */
final class KeyConflict extends RuntimeException {
  final long[] held;
  final long[] inserted;
  int relation = -1;
  /** Two {@code @update} rows for one key in one tick, rather than an insertion. */
  boolean updates;

  KeyConflict(long[] held, long[] inserted) {
    super(null, null, false, false);
    this.held = held;
    this.inserted = inserted;
  }
}
