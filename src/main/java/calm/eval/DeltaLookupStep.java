package calm.eval;

/**
 * The rows of a relation's delta (the rows of the current round) whose indexed columns equal values
 * already bound, read from a {@link ClusteredIndex} of the delta alone: how a semi-naive variant reads
 * its delta when it starts from a smaller relation instead (see {@link RulePlan#execute}).
 */
final class DeltaLookupStep extends Step {
  private final int relation;
  private final ClusteredIndex.Family family;
  private final Expression[] key;
  private final int[] kinds; // per column of the index's values
  private final long[] args;
  private final long[] keyValues;

  DeltaLookupStep(int relation, ClusteredIndex.Family family, Expression[] key, int[] kinds, long[] args) {
    this.relation = relation;
    this.family = family;
    this.key = key;
    this.kinds = kinds;
    this.args = args;
    this.keyValues = new long[key.length];
  }

  @Override
  void run(Frame frame) {
    long[] registers = frame.registers;
    long[] values = keyValues;
    for (int i = 0; i < key.length; i++) {
      values[i] = key[i].eval(registers);
    }
    ClusteredIndex index = family.ofDelta(frame.node.stores[relation], frame.deltaFrom, frame.deltaTo);
    int entry = index.find(values);
    if (entry < 0) {
      return;
    }
    long[] list = index.values[entry];
    int width = kinds.length;
    for (int base = index.lengths[entry] - width; base >= 0; base -= width) {
      if (match(list, base, kinds, args, registers)) {
        next.run(frame);
      }
    }
  }
}
