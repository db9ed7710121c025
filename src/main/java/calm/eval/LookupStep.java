package calm.eval;

/** The rows of a relation whose indexed columns equal values already bound. */
final class LookupStep extends Step {
  private final int relation;
  private final int index;
  private final Expression[] key;
  private final int[] kinds;
  private final long[] args;
  private final long[] keyValues;

  LookupStep(int relation, int index, Expression[] key, int[] kinds, long[] args) {
    this.relation = relation;
    this.index = index;
    this.key = key;
    this.kinds = kinds;
    this.args = args;
    this.keyValues = new long[key.length];
  }

  @Override
  void run(Frame frame) {
    TupleStore store = frame.node.stores[relation];
    long[] registers = frame.registers;
    long[] values = keyValues; // only read by first(), before any solution flows on
    for (int i = 0; i < key.length; i++) {
      values[i] = key[i].eval(registers);
    }
    Index idx = store.indexes[index];
    Keying keying = store.keying;
    for (int r = idx.first(store, values); r >= 0; r = idx.next(r)) {
      if (keying != null && keying.isDead(r)) {
        continue;
      }
      if (match(store.rows, r, kinds, args, registers)) {
        next.run(frame);
      }
    }
  }
}
