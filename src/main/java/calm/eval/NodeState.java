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
  /** Per keyed table, the {@code @update} rows for the next tick (one per key). */
  final TupleStore[] updates;
  /** Per plain keyed table, the rule behind each {@code @next} row, to name it in a key conflict. */
  final List<List<calm.syntax.Rule>> nextRules;
  /** The rule being evaluated, to name it in a key conflict. */
  calm.syntax.Rule currentRule;
  /** The tick being run, for messages. */
  int tick;
  final CompiledProgram program;
  private final int[] keyedIds;
  /** Per relation, the first row that is new this tick (what deferred changes and arrivals added). */
  final int[] tickBase;
  /** Per seal, what it has sealed and seen at this node. */
  final SealWatch.Memory[] seals;
  private FactBudget budget;
  private final List<Relation> relations;

  NodeState(String name, CompiledProgram program, FactBudget budget) {
    this.name = name;
    this.budget = budget;
    this.relations = program.relations();
    this.program = program;
    int n = relations.size();
    updates = new TupleStore[n];
    nextRules = new java.util.ArrayList<>(java.util.Collections.nCopies(n, null));
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
    listed = new boolean[n];
    for (Relation r : relations) {
      stores[r.id()] = new TupleStore(r.arity(), program.indexColumns(r.id()));
      if (r.keyed()) {
        stores[r.id()].keyBy(keyingOf(r, r.lattices()));
      }
    }
    keyedIds = relations.stream().filter(Relation::keyed).mapToInt(Relation::id).toArray();
  }

  /**
   * Empties this state for a new run of the same program at the same node, keeping the arrays it has
   * grown (an explorer runs thousands of short runs, and allocating every store for each one costs
   * about as much as some of the runs). Only after a run that ended normally: one stopped by an error
   * may have left a store half-updated.
   */
  void reset(FactBudget budget) {
    this.budget = budget;
    for (TupleStore[] all : new TupleStore[][] {stores, nextInserts, deletions, outbox, updates}) {
      for (TupleStore store : all) {
        if (store != null) {
          store.clear();
        }
      }
    }
    for (List<calm.syntax.Rule> rules : nextRules) {
      if (rules != null) {
        rules.clear();
      }
    }
    java.util.Arrays.fill(listed, false);
    java.util.Arrays.fill(buffered, 0);
    dirtyCount = 0;
    java.util.Arrays.fill(tickBase, 0);
    for (int i = 0; i < seals.length; i++) {
      seals[i] = program.seals().get(i).newMemory();
    }
    currentRule = null;
    tick = 0;
  }

  private Keying keyingOf(Relation r, List<calm.syntax.Lattice> lattices) {
    return new Keying(r.keyColumns(), lattices, r.types(), program.strings());
  }

  /** Drops the rows that raised lattice values left behind (see {@link Keying}). */
  void compact() {
    for (int id : keyedIds) {
      Keying keying = stores[id].keying;
      if (keying.deadCount > 0 && tickBase[id] > 0) {
        // the rows from the tick's base on stay the tick's news (a seal watches them)
        tickBase[id] -= keying.dead.get(0, tickBase[id]).cardinality();
      }
      int dropped = stores[id].compact();
      if (dropped > 0) {
        budget.removed(dropped);
      }
    }
  }

  /** Turns a key conflict found in a store into one that names the relation. */
  private static KeyConflict in(int relation, KeyConflict conflict) {
    if (conflict.relation < 0) {
      conflict.relation = relation;
    }
    return conflict;
  }

  /** Inserts now, within the fixpoint; counts against the run's fact bound. */
  boolean insert(int relation, long[] tuple) {
    try {
      if (stores[relation].add(tuple)) {
        budget.added(relations.get(relation));
        return true;
      }
      return false;
    } catch (KeyConflict conflict) {
      throw in(relation, conflict);
    }
  }

  /** Inserts a block of facts now, in bulk ({@link TupleStore#addBulk}); counts against the run's fact bound. */
  void insertAll(int relation, FactRows rows) {
    TupleStore store = stores[relation];
    int before = store.size;
    try {
      store.addBulk(rows.rows, rows.count);
    } catch (KeyConflict conflict) {
      throw in(relation, conflict);
    } finally {
      if (store.size > before) {
        budget.addedMany(relations.get(relation), store.size - before);
      }
    }
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

  /** The relations with buffered rows, so that a flush after every rule does not visit them all. */
  private int[] dirty = new int[8];
  private int dirtyCount;
  private final boolean[] listed;

  void flush() {
    while (dirtyCount > 0) {
      int relation = dirty[--dirtyCount];
      listed[relation] = false;
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
    } catch (KeyConflict conflict) {
      throw in(relation, conflict);
    } finally {
      budget.addedMany(relations.get(relation), store.size - before);
    }
  }

  private void buffer(int relation, long[] tuple) {
    int arity = tuple.length;
    long[] buf = buffers[relation];
    int n = buffered[relation];
    if (buf == null || (n + 1) * arity > buf.length) {
      // grows to a batch: a run of the explorer buffers a few rows per relation, and a state is made
      // per run, so a full batch up front would be mostly zeroing memory never written
      buf = buf == null ? new long[Math.max(arity, 1) * 8] : java.util.Arrays.copyOf(buf, Math.min(buf.length * 2, Math.max(arity, 1) * BATCH));
      buffers[relation] = buf;
    }
    if (!listed[relation]) {
      listed[relation] = true;
      if (dirtyCount == dirty.length) {
        dirty = java.util.Arrays.copyOf(dirty, dirtyCount * 2);
      }
      dirty[dirtyCount++] = relation;
    }
    System.arraycopy(tuple, 0, buf, n * arity, arity);
    buffered[relation] = ++n;
    if (n == BATCH) {
      flush(relation);
    }
  }

  void emit(HeadForm form, int relation, long[] tuple) {
    switch (form) {
      case SAME_TICK -> buffer(relation, tuple);
      case NEXT -> {
        if (pending(nextInserts, relation).add(tuple) && stores[relation].keying != null) {
          if (nextRules.get(relation) == null) {
            nextRules.set(relation, new java.util.ArrayList<>());
          }
          nextRules.get(relation).add(currentRule);
        }
      }
      case DELETE -> pending(deletions, relation).add(tuple);
      case ASYNC -> pending(outbox, relation).add(tuple);
      case UPDATE -> {
        TupleStore u = updates[relation];
        if (u == null) {
          Relation r = relations.get(relation);
          u = new TupleStore(r.arity(), List.of());
          u.keyBy(keyingOf(r, java.util.Collections.nCopies(r.arity(), calm.syntax.Lattice.NONE)));
          updates[relation] = u;
        }
        try {
          u.add(tuple);
        } catch (KeyConflict conflict) {
          conflict.updates = true;
          throw in(relation, conflict);
        }
      }
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
