package calm.eval;

/**
 * The rows of a plain relation whose indexed columns equal values already bound, read from a
 * {@link ClusteredIndex}: only the other columns are matched, and they lie side by side.
 */
class ClusteredLookupStep extends Step {
  final int relation;
  final ClusteredIndex.Family family;
  private final Expression[] key;
  private final int[] kinds; // per column of the index's values
  private final long[] args;
  private final long[] keyValues;

  ClusteredLookupStep(int relation, ClusteredIndex.Family family, Expression[] key, int[] kinds, long[] args) {
    this.relation = relation;
    this.family = family;
    this.key = key;
    this.kinds = kinds;
    this.args = args;
    this.keyValues = new long[key.length];
  }

  /** The index this step reads: the whole relation's. */
  ClusteredIndex index(Frame frame) {
    return family.of(frame.node.stores[relation]);
  }

  @Override
  final void run(Frame frame) {
    long[] registers = frame.registers;
    long[] values = keyValues; // only read by find(), before any solution flows on
    for (int i = 0; i < key.length; i++) {
      values[i] = key[i].eval(registers);
    }
    ClusteredIndex index = index(frame);
    int entry = index.find(values);
    if (entry < 0) {
      return;
    }
    // what the rule adds from here on is not visited: a later lookup or round will see it
    if (index.narrow) {
      runNarrow(frame, index.narrowValues[entry], index.lengths[entry]);
      return;
    }
    long[] list = index.values[entry];
    int width = kinds.length;
    if (width == 1) {
      int kind = kinds[0];
      int arg = (int) args[0];
      for (int i = index.lengths[entry] - 1; i >= 0; i--) {
        long v = list[i];
        if (kind == BIND) {
          registers[arg] = v;
        } else if (kind == CHECK_REGISTER ? registers[arg] != v : kind == CHECK_CONSTANT && args[0] != v) {
          continue;
        }
        next.run(frame);
      }
      return;
    }
    for (int base = index.lengths[entry] - width; base >= 0; base -= width) {
      if (match(list, base, kinds, args, registers)) {
        next.run(frame);
      }
    }
  }

  /**
   * {@link #run}'s loops over a list of ints: a twin rather than one loop over a shared reader, which
   * would cost a call or a copy at each value of the innermost loop (as {@link Step#match}'s are).
   */
  private void runNarrow(Frame frame, int[] list, int length) {
    long[] registers = frame.registers;
    int width = kinds.length;
    if (width == 1) {
      int kind = kinds[0];
      int arg = (int) args[0];
      for (int i = length - 1; i >= 0; i--) {
        long v = list[i];
        if (kind == BIND) {
          registers[arg] = v;
        } else if (kind == CHECK_REGISTER ? registers[arg] != v : kind == CHECK_CONSTANT && args[0] != v) {
          continue;
        }
        next.run(frame);
      }
      return;
    }
    for (int base = length - width; base >= 0; base -= width) {
      if (match(list, base, kinds, args, registers)) {
        next.run(frame);
      }
    }
  }
}
