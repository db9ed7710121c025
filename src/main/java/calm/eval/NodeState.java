package calm.eval;

import calm.syntax.HeadForm;
import java.util.List;

/**
 * Everything one node holds: the facts of every relation, and what its rules have asked for the end
 * of the tick (insertions and deletions for the next tick, messages to send).
 */
final class NodeState {
  final String name;
  final TupleStore[] stores;
  final TupleStore[] nextInserts;
  final TupleStore[] deletions;
  final TupleStore[] outbox;
  /** Per relation, the first row that is new this tick (what deferred changes and arrivals added). */
  final int[] tickBase;
  /** Per seal, what it has sealed and seen at this node. */
  final SealWatch.Memory[] seals;
  private final FactBudget budget;
  private final List<Relation> relations;

  NodeState(String name, CompiledProgram program, FactBudget budget) {
    this.name = name;
    this.budget = budget;
    this.relations = program.relations();
    int n = relations.size();
    stores = new TupleStore[n];
    nextInserts = new TupleStore[n];
    deletions = new TupleStore[n];
    outbox = new TupleStore[n];
    buffers = new long[n][];
    tickBase = new int[n];
    seals = new SealWatch.Memory[program.seals().size()];
    for (int i = 0; i < seals.length; i++) {
      seals[i] = program.seals().get(i).newMemory();
    }
    buffered = new int[n];
    for (Relation r : relations) {
      stores[r.id()] = new TupleStore(r.arity(), program.indexColumns(r.id()));
    }
  }

  /** Inserts now, within the fixpoint; counts against the run's fact bound. */
  boolean insert(int relation, long[] tuple) {
    if (stores[relation].add(tuple)) {
      budget.added(relations.get(relation));
      return true;
    }
    return false;
  }

  /**
   * Same-tick derivations wait in a small buffer per relation and enter the store in batches (see
   * {@link TupleStore#addAll}); {@link #flush} runs after every rule evaluation, before anything reads
   * the relation's size.
   */
  private static final int BATCH = 512;
  private final long[][] buffers;
  private final int[] buffered;
  private final long[] scratchTuple = new long[64];

  void flush() {
    for (int relation = 0; relation < buffered.length; relation++) {
      if (buffered[relation] > 0) {
        flush(relation);
      }
    }
  }

  private void flush(int relation) {
    int count = buffered[relation];
    buffered[relation] = 0;
    TupleStore store = stores[relation];
    long[] tuple = store.arity <= scratchTuple.length ? scratchTuple : new long[store.arity];
    int before = store.size;
    try {
      store.addAll(buffers[relation], count, tuple);
    } finally {
      budget.addedMany(relations.get(relation), store.size - before);
    }
  }

  private void buffer(int relation, long[] tuple) {
    int arity = tuple.length;
    long[] buf = buffers[relation];
    if (buf == null) {
      buf = new long[Math.max(arity, 1) * BATCH];
      buffers[relation] = buf;
    }
    int n = buffered[relation];
    System.arraycopy(tuple, 0, buf, n * arity, arity);
    buffered[relation] = ++n;
    if (n == BATCH) {
      flush(relation);
    }
  }

  void emit(HeadForm form, int relation, long[] tuple) {
    switch (form) {
      case SAME_TICK -> buffer(relation, tuple);
      case NEXT -> pending(nextInserts, relation).add(tuple);
      case DELETE -> pending(deletions, relation).add(tuple);
      case ASYNC -> pending(outbox, relation).add(tuple);
    }
  }

  private TupleStore pending(TupleStore[] stores, int relation) {
    TupleStore s = stores[relation];
    if (s == null) {
      s = new TupleStore(relations.get(relation).arity(), List.of());
      stores[relation] = s;
    }
    return s;
  }

  void release(int relation) {
    budget.removed(stores[relation].size);
  }

  void releaseCount(int count) {
    budget.removed(count);
  }
}
