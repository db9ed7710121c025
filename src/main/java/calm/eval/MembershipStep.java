package calm.eval;

/**
 * A test against a relation once the columns it needs are bound: {@code not r(...)} (passes when no
 * row matches) or a positive atom whose every column is already bound (passes when the row exists).
 */
final class MembershipStep extends Step {
  private final int relation;
  private final int index; // -1: every column is bound, so the set itself answers
  private final Expression[] key;
  private final boolean wantPresent;
  private final long[] values;

  MembershipStep(int relation, int index, Expression[] key, boolean wantPresent) {
    this.relation = relation;
    this.index = index;
    this.key = key;
    this.wantPresent = wantPresent;
    this.values = new long[key.length];
  }

  @Override
  void run(Frame frame) {
    TupleStore store = frame.node.stores[relation];
    for (int i = 0; i < key.length; i++) {
      values[i] = key[i].eval(frame.registers);
    }
    boolean present =
        index < 0 ? store.contains(values) : store.indexes[index].first(store, values) >= 0;
    if (present == wantPresent) {
      next.run(frame);
    }
  }
}
