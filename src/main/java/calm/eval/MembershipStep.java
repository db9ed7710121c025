package calm.eval;

/**
 * A test against a relation once the columns it needs are bound: {@code not r(...)} (passes when no
 * row matches) or a positive atom whose every column is already bound (passes when the row exists).
 *
 * <p>A test of a whole tuple is batched: the step keeps up to {@link #BATCH} candidate solutions (their
 * registers and keys), touches all their slots at once so that the cache misses overlap, then lets the
 * passing ones flow on. {@link #drain} passes on what is left when the rule's body is done. Order
 * among solutions does not matter: every step after this one only adds facts to sets.
 */
final class MembershipStep extends Step {
  private static final int BATCH = 256;
  private final int relation;
  private final int index; // -1: every column is bound, so the set itself answers
  private final Expression[] key;
  private final boolean wantPresent;
  private final long[] values;
  private long[] keys;
  private long[] saved;
  private long[] current;
  private int pending;

  MembershipStep(int relation, int index, Expression[] key, boolean wantPresent) {
    this.relation = relation;
    this.index = index;
    this.key = key;
    this.wantPresent = wantPresent;
    this.values = new long[key.length];
  }

  boolean batched() {
    return index < 0 && key.length > 0;
  }

  /**
   * For a two-column relation looked up by its first column elsewhere, that lookup's index with per-key
   * sets: a test then reads the set of the first column's value, which the enclosing loop usually keeps
   * the same from one test to the next, instead of probing the whole relation's set (see {@link
   * Planner#dropKnownFacts}).
   */
  private ClusteredIndex.Family sets;

  void testBy(ClusteredIndex.Family family) {
    this.sets = family;
  }

  int relation() {
    return relation;
  }

  /** Whether this tests a whole tuple of two columns against the relation itself. */
  boolean testsPairs() {
    return index < 0 && key.length == 2;
  }

  @Override
  void run(Frame frame) {
    long[] registers = frame.registers;
    if (sets != null) {
      values[0] = key[0].eval(registers);
      values[1] = key[1].eval(registers);
      if (sets.holdsPair(frame.node.stores[relation], values) == wantPresent) {
        next.run(frame);
      }
      return;
    }
    if (batched()) {
      int width = registers.length;
      if (keys == null) {
        keys = new long[BATCH * key.length];
        saved = new long[BATCH * width];
        current = new long[width];
      }
      for (int i = 0; i < key.length; i++) {
        keys[pending * key.length + i] = key[i].eval(registers);
      }
      System.arraycopy(registers, 0, saved, pending * width, width);
      if (++pending == BATCH) {
        // the steps before this one still hold their own bindings in the registers: keep them
        System.arraycopy(registers, 0, current, 0, width);
        drain(frame);
        System.arraycopy(current, 0, registers, 0, width);
      }
      return;
    }
    TupleStore store = frame.node.stores[relation];
    for (int i = 0; i < key.length; i++) {
      values[i] = key[i].eval(registers);
    }
    boolean present =
        index < 0 ? store.contains(values) : store.indexes[index].first(store, values) >= 0;
    if (present == wantPresent) {
      next.run(frame);
    }
  }

  /** Tests the waiting solutions and passes on those that pass. */
  void drain(Frame frame) {
    int count = pending;
    if (count == 0) {
      return;
    }
    pending = 0;
    TupleStore store = frame.node.stores[relation];
    long[] registers = frame.registers;
    int width = registers.length;
    int n = key.length;
    store.touch(keys, count);
    for (int s = 0; s < count; s++) { // the steps after this one never come back to it
      System.arraycopy(keys, s * n, values, 0, n);
      if (store.contains(values) == wantPresent) {
        System.arraycopy(saved, s * width, registers, 0, width);
        next.run(frame);
      }
    }
  }
}
