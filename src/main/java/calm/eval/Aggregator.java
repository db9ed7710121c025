package calm.eval;

import calm.syntax.AggregateFunction;
import calm.syntax.HeadForm;
import java.util.Arrays;
import java.util.List;

/**
 * The end of an aggregate rule's body. It aggregates over the distinct satisfying assignments of the
 * body's named variables (§4 Rules): when a positive atom holds a wildcard, two solutions may share an
 * assignment, so assignments are first collected in a set; otherwise every solution of the join is
 * already a distinct assignment and is aggregated on the fly.
 */
final class Aggregator extends Step {
  private final HeadForm form;
  private final int relation;
  private final Expression[] head; // null at the aggregate's position
  private final int position;
  private final AggregateFunction function;
  private final Expression value;
  private final int[] named; // registers of the body's named variables, when deduplicating
  private final long[] keyBuffer;
  private final long[] tuple;
  private final long[] lastKey;
  /** The assignment being added to {@link #assignments}, which copies it. */
  private final long[] assignment;
  private int lastGroup = -1;
  private TupleStore assignments;
  private TupleStore groups;
  private long[] accumulators = new long[16];
  /**
   * A sum's carries past 64 bits, so that the exact sum is {@code carries * 2^64 + accumulators}: a
   * sum overflows when its exact result does not fit, whatever the order of its terms.
   */
  private long[] carries = new long[16];

  Aggregator(
      HeadForm form, int relation, Expression[] head, int position, AggregateFunction function,
      Expression value, int[] namedOrNull) {
    this.form = form;
    this.relation = relation;
    this.head = head;
    this.position = position;
    this.function = function;
    this.value = value;
    this.named = namedOrNull;
    this.keyBuffer = new long[head.length - 1];
    this.lastKey = new long[head.length - 1];
    this.tuple = new long[head.length];
    this.assignment = namedOrNull == null ? null : new long[namedOrNull.length];
  }

  void start() {
    lastGroup = -1;
    // a rule runs every tick (the explorer runs millions of ticks): small sets are emptied and
    // kept, large ones are dropped so that one big tick does not make every later clear costly
    groups = spareGroups;
    if (groups != null && groups.rows.allocated() <= REUSED_ROWS * Math.max(1, keyBuffer.length)) {
      groups.clear();
    } else {
      groups = new TupleStore(keyBuffer.length, List.of(), false); // rowOf needs row numbers
    }
    assignments = spareAssignments;
    if (named == null) {
      assignments = null;
    } else if (assignments != null && assignments.rows.allocated() <= REUSED_ROWS * Math.max(1, named.length)) {
      assignments.clear();
    } else {
      assignments = new TupleStore(named.length, List.of());
    }
  }

  private static final int REUSED_ROWS = 256;
  private TupleStore spareGroups;
  private TupleStore spareAssignments;

  @Override
  void run(Frame frame) {
    long[] registers = frame.registers;
    if (assignments != null) {
      long[] a = assignment;
      for (int i = 0; i < named.length; i++) {
        a[i] = registers[named[i]];
      }
      assignments.add(a);
    } else {
      accumulate(registers);
    }
  }

  void finish(Frame frame) {
    long[] registers = frame.registers;
    if (assignments != null) {
      for (int r = 0; r < assignments.size; r++) {
        for (int i = 0; i < named.length; i++) {
          registers[named[i]] = assignments.get(r, i);
        }
        accumulate(registers);
      }
    }
    for (int g = 0; g < groups.size; g++) {
      if (function == AggregateFunction.SUM && carries[g] != 0) {
        throw new ArithmeticException("long overflow");
      }
      int k = 0;
      for (int i = 0; i < tuple.length; i++) {
        tuple[i] = i == position ? accumulators[g] : groups.get(g, k++);
      }
      frame.node.emit(form, relation, tuple);
    }
    spareGroups = groups;
    spareAssignments = assignments;
    groups = null;
    assignments = null;
  }

  private void accumulate(long[] registers) {
    int k = 0;
    for (int i = 0; i < head.length; i++) {
      if (i != position) {
        keyBuffer[k++] = head[i].eval(registers);
      }
    }
    int before = groups.size;
    int g;
    if (lastGroup >= 0 && lastGroup < before && Arrays.equals(keyBuffer, lastKey)) {
      g = lastGroup; // solutions often come group by group (always, for an aggregate without a group)
    } else {
      g = groups.rowOf(keyBuffer);
      System.arraycopy(keyBuffer, 0, lastKey, 0, lastKey.length);
      lastGroup = g;
    }
    if (g >= accumulators.length) {
      accumulators = Arrays.copyOf(accumulators, accumulators.length * 2);
      carries = Arrays.copyOf(carries, carries.length * 2);
    }
    if (function == AggregateFunction.COUNT) {
      accumulators[g] = g == before ? 1 : accumulators[g] + 1;
      return;
    }
    long v = value.eval(registers);
    if (g == before) {
      accumulators[g] = v;
      carries[g] = 0;
      return;
    }
    accumulators[g] =
        switch (function) {
          case SUM -> {
            long sum = accumulators[g] + v;
            if (((accumulators[g] ^ sum) & (v ^ sum)) < 0) {
              carries[g] += v < 0 ? -1 : 1; // wrapped around: the exact sum is 2^64 further
            }
            yield sum;
          }
          case MIN -> Math.min(accumulators[g], v);
          case MAX -> Math.max(accumulators[g], v);
          default -> throw new IllegalStateException();
        };
  }
}
