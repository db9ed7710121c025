package calm.eval;

/** Every row of a relation (or of its delta), matched column by column. */
final class ScanStep extends Step {
  private final int relation;
  private final boolean delta;
  private final int[] kinds;
  private final long[] args;

  ScanStep(int relation, boolean delta, int[] kinds, long[] args) {
    this.relation = relation;
    this.delta = delta;
    this.kinds = kinds;
    this.args = args;
  }

  boolean readsDelta() {
    return delta;
  }

  @Override
  void run(Frame frame) {
    TupleStore store = frame.node.stores[relation];
    int from = delta ? frame.deltaFrom : 0;
    int to = delta ? frame.deltaTo : store.size;
    long[] registers = frame.registers;
    Keying keying = store.keying;
    for (int r = from; r < to; r++) {
      if (keying != null && keying.isDead(r)) {
        continue; // a raised lattice value: its new row carries it on
      }
      // re-read: emitting into this relation may have given it new rows (a rebuilt set, new chunks)
      if (match(store.rows, r, kinds, args, registers)) {
        next.run(frame);
      }
    }
  }
}
