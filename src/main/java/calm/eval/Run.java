package calm.eval;

import calm.syntax.RelationKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run of a compiled program from a {@link World}: nodes tick in lockstep (§6 Semantics, §7 Runs and
 * nodes). Each tick a node receives what the {@link DeliveryPolicy} delivers, evaluates its components to a
 * fixpoint, then evaluates its {@code @next}, {@code delete} and {@code @async} rules on the result. Before
 * the next tick, scratch, input and channel relations empty and the deferred insertions and deletions apply
 * (insertion wins). The run ends at quiescence: nothing pending in the network and a tick that changed no
 * table at any node.
 */
public final class Run {
  private final CompiledProgram program;
  private final List<NodeState> nodes = new ArrayList<>();
  private final Map<String, NodeState> byName = new HashMap<>();
  private final DeliveryPolicy policy;
  private final RunObserver observer;
  private final RunLimits limits;
  private final FactBudget budget;
  /** What is on its way; read-only as a list, so the delivery policy sees it as it is. */
  private final PendingEnvelopes pending = new PendingEnvelopes();
  private long sequence;
  private int tick;
  private boolean quiescent;
  private final ChangedRelations changedLastTick;
  private final List<SealViolation> sealViolations = new ArrayList<>();
  private final List<ConstraintViolation> constraintViolations = new ArrayList<>();
  /** Per node and constraint, the first solution found after the last fixpoint, or null. */
  private final long[][][] lastSolution;
  /**
   * Per node (in {@link #nodes} order), whether its last tick received nothing, changed no table,
   * sent nothing and left nothing for the next tick that would change anything: its next tick, if
   * nothing arrives, would compute exactly the same state, so it is not run (most node-ticks of an
   * explored schedule are such waits).
   */
  private final boolean[] idle;
  private final Map<String, Integer> nodeIndex = new HashMap<>();
  private final Activity[] activities;
  private final Relation[] relations;
  private final int[] tableIds;
  private final int[] ephemeralIds;
  /** Per node, this tick's arrivals, reused from tick to tick (empty where none). */
  private final List<Envelope>[] arrivals;
  /** The sequence numbers of the envelopes a tick delivered for good, reused from tick to tick. */
  private long[] gone = new long[16];
  /** Per relation, the rows a tick's start removes from it (made on first use, emptied after each use). */
  private final TupleStore[] removals;
  /** Per relation, a buffer of its arity for probing stores with one row of another (made on first use). */
  private final long[][] probes;

  public Run(CompiledProgram program, World world, RunLimits limits, DeliveryPolicy policy, RunObserver observer) {
    this(program, world, limits, policy, observer, null);
  }

  /**
   * As above, on the node states that {@code reuse} keeps from the last run of the same program and
   * world on this thread (emptied first), or on new ones that it keeps for the next run.
   */
  public Run(CompiledProgram program, World world, RunLimits limits, DeliveryPolicy policy, RunObserver observer,
      NodeStates reuse) {
    this.program = program;
    this.policy = policy;
    this.observer = observer;
    this.limits = limits;
    this.budget = new FactBudget(limits.maxFacts());
    for (int i = 0; i < world.nodes().size(); i++) {
      NodeState node = reuse != null ? reuse.take(i, world.nodes().get(i), program, budget)
          : new NodeState(world.nodes().get(i), program, budget);
      nodes.add(node);
      byName.put(node.name, node);
      for (World.Initial f : world.initialFacts(i)) {
        try {
          node.insertAll(f.relation(), f.rows());
        } catch (KeyConflict conflict) {
          throw KeyConflicts.error(conflict, node, 0, "an initial fact", null);
        }
      }
      node.compact();
      for (int r = 0; r < node.stores.length; r++) {
        node.tickBase[r] = node.stores[r].size; // initial facts are not news
      }
    }
    lastSolution = new long[nodes.size()][program.constraints().size()][];
    idle = new boolean[nodes.size()];
    activities = new Activity[nodes.size()];
    for (int i = 0; i < nodes.size(); i++) {
      nodeIndex.put(nodes.get(i).name, i);
      activities[i] = new Activity(program.relations().size());
    }
    RelationGroups groups = program.groups();
    relations = groups.byId;
    tableIds = groups.tables;
    ephemeralIds = groups.ephemeral;
    changedLastTick = new ChangedRelations(relations.length);
    removals = new TupleStore[relations.length];
    probes = new long[relations.length][];
    @SuppressWarnings("unchecked")
    List<Envelope>[] lists = new List[nodes.size()];
    for (int i = 0; i < lists.length; i++) {
      lists[i] = new ArrayList<>();
    }
    arrivals = lists;
    for (Envelope e : world.inputs()) {
      pending.append(e);
    }
    sequence = pending.size();
  }

  /** A run with the default schedule and bounds, and no observer. */
  public Run(CompiledProgram program, World world) {
    this(program, world, RunLimits.defaults(), new NextTickDelivery(), RunObserver.NONE);
  }

  /** Ticks until quiescence; returns the number of ticks run. */
  public int runToQuiescence() {
    while (!quiescent) {
      step();
    }
    return tick;
  }

  /**
   * After quiescence, runs one more tick in which nothing arrives (and more, should that tick still
   * change something): the state at rest. A quiescent tick may still have received messages that
   * changed no table, so its scratch relations show those arrivals; at rest they show only their
   * views of the tables. The explorer compares final outcomes at rest, so that a scratch output does
   * not differ merely by which arrival happened to come last.
   */
  public void rest() {
    runToQuiescence();
    quiescent = false;
    step();
    runToQuiescence();
  }

  /**
   * Facts that arrived for a key after its seal's guard held (§5 Annotations and seals), in the order found:
   * by tick, then seal, node and row, so the first is the one the explorer reports for the run.
   */
  public List<SealViolation> sealViolations() {
    return Collections.unmodifiableList(sealViolations);
  }

  /**
   * The constraint violations (§12 Integrity constraints) found so far, in order: by tick, then constraint,
   * then node. A violation is listed in the tick it begins at a node, and again when its first solution
   * changes.
   */
  public List<ConstraintViolation> constraintViolations() {
    return Collections.unmodifiableList(constraintViolations);
  }

  /** The last tick run (0 before the first). */
  public int tick() {
    return tick;
  }

  public List<String> nodes() {
    return nodes.stream().map(n -> n.name).toList();
  }

  /** How many nodes there are: {@code nodes().size()} without building the list (an observer asks every tick). */
  public int nodeCount() {
    return nodes.size();
  }

  public CompiledProgram program() {
    return program;
  }

  /** What is still on its way, in sequence order. */
  public List<Envelope> pending() {
    return pending;
  }

  /**
   * The facts of {@code relation} at {@code node}, sorted: after a tick's fixpoint (in an observer)
   * or once the run is over, that tick's contents, scratch included.
   */
  public List<Object[]> contents(String node, String relation) {
    Relation r = program.lookup(relation).orElseThrow(() -> new IllegalArgumentException(relation));
    NodeState n = byName.get(node);
    if (n == null) {
      throw new IllegalArgumentException("unknown node " + node);
    }
    TupleStore store = n.stores[r.id()];
    List<Object[]> all = new ArrayList<>(store.size);
    long[] sorted = SortedRows.sorted(store, r.types(), program.strings());
    int arity = store.arity;
    for (int row = 0; row < store.size; row++) {
      all.add(Values.decode(Arrays.copyOfRange(sorted, row * arity, row * arity + arity), r.types(),
          program.strings()));
    }
    return all;
  }

  public int size(String node, String relation) {
    return byName.get(node).stores[program.relation(relation).id()].size;
  }

  /**
   * Hands each fact of relation {@code relation} (a {@link Relation#id()}) at the node numbered
   * {@code node} (in {@link #nodes()} order) to {@code visitor}, encoded, in a buffer that is reused:
   * copy what you keep. The cheap way for an observer that looks at every tick (the explorer).
   */
  public void forEachFact(int node, int relation, java.util.function.Consumer<long[]> visitor) {
    TupleStore store = nodes.get(node).stores[relation];
    int arity = store.arity;
    long[] buffer = new long[arity];
    for (int row = 0; row < store.size; row++) {
      for (int c = 0; c < arity; c++) {
        buffer[c] = store.get(row, c);
      }
      visitor.accept(buffer);
    }
  }

  /**
   * A count that changes whenever the facts of relation {@code relation} (a {@link Relation#id()}) at the
   * node numbered {@code node} change: an observer that has seen the facts at one count need not look
   * at them again until it moves (it only grows, within a run).
   */
  public long factsVersion(int node, int relation) {
    return nodes.get(node).stores[relation].version;
  }

  /** Runs one tick at every node. */
  public void step() {
    if (quiescent) {
      return;
    }
    if (tick >= limits.maxTicks()) {
      throw new RunError(
          "no quiescence after " + tick + " ticks (bound --max-ticks)" + stillChanging());
    }
    tick++;
    boolean first = tick == 1;
    deliveries();
    boolean settled = true;
    // a tick's trace shows what the node derived anew, so an observer of ticks sees every tick run
    boolean mayRest = !observer.wantsTicks();
    for (int n = 0; n < nodes.size(); n++) {
      NodeState node = nodes.get(n);
      Activity a = activities[n];
      List<Envelope> arrived = arrivals[n];
      a.arrived = arrived;
      a.rested = mayRest && idle[n] && arrived.isEmpty();
      node.tick = tick;
      if (a.rested) {
        continue;
      }
      if (!first) {
        startTick(node);
      }
      sizes(node, a.startSizes);
      versions(node, a.startVersions);
      a.startedEmpty = ephemeralEmpty(node) && arrived.isEmpty();
      for (int i = 0; i < arrived.size(); i++) {
        Envelope e = arrived.get(i);
        node.insert(e.relation().id(), e.tuple());
      }
      List<ComponentPlan> components = program.components();
      for (int c = 0; c < components.size(); c++) {
        evaluate(components.get(c), node);
        node.compact();
      }
      List<RulePlan> deferred = program.deferred();
      for (int d = 0; d < deferred.size(); d++) {
        deferred.get(d).execute(node, 0, 0);
      }
    }
    List<SealWatch> seals = program.seals();
    for (int i = 0; i < seals.size(); i++) {
      for (int n = 0; n < nodes.size(); n++) {
        NodeState node = nodes.get(n);
        seals.get(i).afterTick(node, node.seals[i], tick, program, sealViolations);
      }
    }
    checkConstraints();
    observer.afterFixpoint(this, tick);
    changedLastTick.clear();
    for (int n = 0; n < nodes.size(); n++) {
      NodeState node = nodes.get(n);
      Activity a = activities[n];
      if (a.rested) {
        continue; // the same quiet tick as the last one: settled, nothing to send
      }
      if (observer.wantsTicks()) {
        observer.nodeTick(describe(node, a));
      }
      boolean grew = false;
      for (int id : tableIds) {
        if (node.stores[id].version != a.startVersions[id]) {
          grew = true;
          changedLastTick.add(id);
        }
      }
      boolean endChanges = endOfTickChangesTables(node);
      boolean scratchNext = false;
      for (int id : ephemeralIds) {
        if (node.nextInserts[id] != null && node.nextInserts[id].size > 0) {
          scratchNext = true;
          changedLastTick.add(id);
        }
      }
      boolean sent = send(node);
      boolean nodeSettled = !sent && !scratchNext && !endChanges && (!grew || a.startedEmpty);
      idle[n] = !first && a.arrived.isEmpty() && !grew && !sent && !scratchNext && !endChanges;
      settled &= nodeSettled;
    }
    quiescent = settled && pending.isEmpty();
  }

  /** Checks every constraint at every node on the state the fixpoint reached (§12 Integrity constraints). */
  private void checkConstraints() {
    List<ConstraintPlan> constraints = program.constraints();
    for (int c = 0; c < constraints.size(); c++) {
      ConstraintPlan plan = constraints.get(c);
      for (int n = 0; n < nodes.size(); n++) {
        NodeState node = nodes.get(n);
        int matches = plan.check(node);
        long[] before = lastSolution[n][c];
        if (matches == 0) {
          lastSolution[n][c] = null;
          continue;
        }
        long[] now = plan.firstSolution();
        if (before != null && Arrays.equals(before, now)) {
          continue;
        }
        lastSolution[n][c] = now.clone();
        ConstraintViolation v = new ConstraintViolation(plan.constraint, node.name, tick, plan.firstFacts(), matches);
        constraintViolations.add(v);
        observer.constraintViolated(v);
      }
    }
  }

  /** What one node's tick began with; one per node, reused every tick. */
  private static final class Activity {
    final int[] startSizes;
    final long[] startVersions;
    boolean startedEmpty;
    boolean rested;
    List<Envelope> arrived;

    Activity(int relations) {
      startSizes = new int[relations];
      startVersions = new long[relations];
    }
  }

  /** Fills {@link #arrivals} with this tick's arrivals per node (in {@link #nodes} order). */
  private void deliveries() {
    for (List<Envelope> list : arrivals) {
      list.clear();
    }
    if (pending.isEmpty()) {
      return;
    }
    List<Delivery> chosen = policy.deliver(tick, pending);
    if (chosen.isEmpty()) {
      return;
    }
    // envelopes are told apart by their sequence numbers (unique in a run): sorted, they are a set
    // that costs one array rather than an identity map per tick
    if (gone.length < chosen.size()) {
      gone = new long[Math.max(chosen.size(), gone.length * 2)];
    }
    int goneCount = 0;
    for (int i = 0; i < chosen.size(); i++) {
      Delivery d = chosen.get(i);
      Envelope e = d.envelope();
      Integer n = nodeIndex.get(e.node());
      if (n != null) {
        arrivals[n].add(e);
      }
      if (!d.keepInFlight()) {
        gone[goneCount++] = e.sequence();
      }
    }
    if (goneCount > 0) {
      Arrays.sort(gone, 0, goneCount);
      pending.removeSequences(gone, goneCount);
    }
  }

  private void evaluate(ComponentPlan component, NodeState node) {
    List<RulePlan> once = component.once();
    for (int i = 0; i < once.size(); i++) {
      once.get(i).execute(node, 0, 0);
    }
    if (!component.recursive()) {
      return;
    }
    int[] relations = component.relations();
    int[] marks = new int[relations.length];
    for (int i = 0; i < relations.length; i++) {
      marks[i] = node.stores[relations[i]].size;
    }
    for (RulePlan plan : component.full()) {
      plan.execute(node, 0, 0);
    }
    if (component.priority() != null) {
      expandBestFirst(component, node, marks[0]);
      return;
    }
    while (true) {
      int[] now = new int[relations.length];
      boolean any = false;
      for (int i = 0; i < relations.length; i++) {
        now[i] = node.stores[relations[i]].size;
        any |= now[i] > marks[i];
      }
      if (!any) {
        return;
      }
      for (RulePlan plan : component.deltas()) {
        int i = indexOf(relations, plan.deltaRelation);
        if (now[i] > marks[i]) {
          plan.execute(node, marks[i], now[i]);
        }
      }
      marks = now;
    }
  }

  /**
   * Semi-naive evaluation with a priority worklist (see {@link PriorityOrder}): the delta rows from
   * {@code from} on are expanded one at a time, best value first; a row raised again before its turn
   * is dead and skipped, its successor row waiting in the heap.
   */
  private static void expandBestFirst(ComponentPlan component, NodeState node, int from) {
    PriorityOrder order = component.priority();
    TupleStore store = node.stores[order.relation()];
    RowHeap heap = new RowHeap();
    int pushed = from;
    while (true) {
      for (; pushed < store.size; pushed++) {
        if (!store.keying.isDead(pushed)) {
          long value = store.get(pushed, order.valueColumn());
          heap.push(order.lowestFirst() ? value : ~value, pushed); // ~ reverses the order, never overflows
        }
      }
      if (heap.isEmpty()) {
        return;
      }
      int row = heap.pop();
      if (store.keying.isDead(row)) {
        continue;
      }
      for (RulePlan plan : component.deltas()) {
        plan.execute(node, row, row + 1);
      }
    }
  }

  private static int indexOf(int[] sorted, int value) {
    return Arrays.binarySearch(sorted, value);
  }

  /**
   * Empties scratch, input and channel relations, then applies last tick's deletions, the rows that
   * {@code @update} replaces (§11 Keyed tables, lattices and extern tables), and insertions.
   */
  private void startTick(NodeState node) {
    for (int id = 0; id < relations.length; id++) {
      if (relations[id].isEphemeral()) {
        node.release(id);
        node.stores[id].clear();
      }
      TupleStore deletions = node.deletions[id];
      TupleStore inserts = node.nextInserts[id];
      TupleStore updates = node.updates[id];
      boolean deleting = deletions != null && deletions.size > 0;
      boolean updating = updates != null && updates.size > 0;
      if (deleting || updating) {
        TupleStore effective = removals[id];
        if (effective == null) {
          effective = new TupleStore(relations[id].arity(), List.of());
          removals[id] = effective;
        }
        for (int row = 0; deleting && row < deletions.size; row++) {
          long[] t = deletions.row(row);
          if (inserts == null || !inserts.contains(t)) {
            effective.add(t);
          }
        }
        TupleStore store = node.stores[id];
        for (int row = 0; updating && row < updates.size; row++) {
          int held = store.rowWithKey(updates.row(row));
          if (held >= 0) {
            effective.add(store.row(held));
          }
        }
        int removed = store.removeAll(effective);
        effective.clear();
        node.releaseCount(removed);
        if (deleting) {
          deletions.clear();
        }
      }
      node.tickBase[id] = node.stores[id].size;
      if (updating) {
        for (int row = 0; row < updates.size; row++) {
          node.insert(id, updates.row(row));
        }
        updates.clear();
      }
      if (inserts != null && inserts.size > 0) {
        int arity = inserts.arity;
        long[] t = new long[arity];
        List<calm.syntax.Rule> rules = node.nextRules.get(id);
        for (int row = 0; row < inserts.size; row++) {
          inserts.rows.copy(row, t, arity);
          try {
            node.insert(id, t);
          } catch (KeyConflict conflict) {
            calm.syntax.Rule rule = rules != null && row < rules.size() ? rules.get(row) : null;
            throw KeyConflicts.error(
                conflict, node, tick, rule == null ? "an @next insertion" : "@next in " + KeyConflicts.ruleAt(rule), rule);
          }
        }
        inserts.clear();
        if (rules != null) {
          rules.clear();
        }
      }
    }
    node.compact();
  }

  /** Whether last tick's deferred insertions and deletions would change any table. */
  private boolean endOfTickChangesTables(NodeState node) {
    boolean changed = false;
    for (int id : tableIds) {
      TupleStore store = node.stores[id];
      TupleStore inserts = node.nextInserts[id];
      TupleStore deletions = node.deletions[id];
      TupleStore updates = node.updates[id];
      long[] t = probe(id);
      for (int row = 0; updates != null && row < updates.size && !changed; row++) {
        int held = store.rowWithKey(rowInto(updates, row, t));
        if (held < 0 || !store.rowEquals(held, t)) {
          changed = true;
          changedLastTick.add(id);
        }
      }
      if (inserts != null) {
        for (int row = 0; row < inserts.size && !changed; row++) {
          if (store.wouldChange(rowInto(inserts, row, t))) {
            changed = true;
            changedLastTick.add(id);
          }
        }
      }
      if (deletions != null) {
        for (int row = 0; row < deletions.size; row++) {
          rowInto(deletions, row, t);
          if (store.contains(t) && (inserts == null || !inserts.contains(t))) {
            changed = true;
            changedLastTick.add(id);
            break;
          }
        }
      }
    }
    return changed;
  }

  /** A buffer of relation {@code id}'s arity for probing its stores, one per relation for the whole run. */
  private long[] probe(int id) {
    long[] t = probes[id];
    if (t == null) {
      t = new long[relations[id].arity()];
      probes[id] = t;
    }
    return t;
  }

  /** Copies row {@code row} of {@code store} into {@code into} (of the store's arity) and returns it. */
  private static long[] rowInto(TupleStore store, int row, long[] into) {
    store.rows.copy(row, into, into.length);
    return into;
  }

  /** Hands the node's messages to the network; false when it sent none. */
  private boolean send(NodeState node) {
    boolean sent = false;
    for (int id = 0; id < relations.length; id++) {
      TupleStore outbox = node.outbox[id];
      if (outbox == null || outbox.size == 0) {
        continue;
      }
      Relation r = relations[id];
      for (int row = 0; row < outbox.size; row++) {
        long[] t = rowInto(outbox, row, new long[outbox.arity]); // the envelope keeps it
        String to = program.strings().string(t[r.locationColumn()]);
        if (!byName.containsKey(to)) {
          throw new RunError(
              "node '" + node.name + "' sent " + new Envelope(0, false, to, r, t, tick, 0, node.name)
                  .fact(program.strings()) + " at tick " + tick + " to node '" + to
                  + "', which does not exist; the nodes are " + nodes()
                  + " (declare nodes in a scenario file: node NAME)");
        }
        pending.append(new Envelope(sequence++, false, to, r, t, tick, 0, node.name));
        changedLastTick.add(id);
      }
      outbox.clear();
      sent = true;
    }
    return sent;
  }

  private static void sizes(NodeState node, int[] into) {
    for (int i = 0; i < into.length; i++) {
      into[i] = node.stores[i].size;
    }
  }

  private static void versions(NodeState node, long[] into) {
    for (int i = 0; i < into.length; i++) {
      into[i] = node.stores[i].version;
    }
  }

  private boolean ephemeralEmpty(NodeState node) {
    for (int id : ephemeralIds) {
      if (node.stores[id].size > 0) {
        return false;
      }
    }
    return true;
  }

  private NodeTick describe(NodeState node, Activity a) {
    StringPool strings = program.strings();
    List<GroundFact> arrived = new ArrayList<>();
    for (Envelope e : a.arrived) {
      arrived.add(e.fact(strings));
    }
    Set<GroundFact> arrivedSet = new java.util.HashSet<>(arrived);
    List<GroundFact> derived = new ArrayList<>();
    List<GroundFact> inserted = new ArrayList<>();
    List<GroundFact> deleted = new ArrayList<>();
    List<NodeTick.Sent> sent = new ArrayList<>();
    for (Relation r : program.relations()) {
      TupleStore store = node.stores[r.id()];
      int from = a.startSizes[r.id()]; // earlier rows were there when the tick began (@next)
      for (int row = from; row < store.size; row++) {
        GroundFact f = decode(r, store.row(row));
        if (!arrivedSet.contains(f)) {
          derived.add(f);
        }
      }
      // what will change: a table insertion of a fact already there, or a deletion of a fact that is
      // absent or inserted again, changes nothing and is not shown
      TupleStore inserts = node.nextInserts[r.id()];
      TupleStore deletions = node.deletions[r.id()];
      boolean table = r.kind() == RelationKind.TABLE;
      if (inserts != null) {
        for (int row = 0; row < inserts.size; row++) {
          long[] t = inserts.row(row);
          if (!table || store.wouldChange(t)) {
            inserted.add(decode(r, t));
          }
        }
      }
      if (deletions != null) {
        for (int row = 0; row < deletions.size; row++) {
          long[] t = deletions.row(row);
          if (store.contains(t) && (inserts == null || !inserts.contains(t))) {
            deleted.add(decode(r, t));
          }
        }
      }
      TupleStore outbox = node.outbox[r.id()];
      if (outbox != null) {
        for (int row = 0; row < outbox.size; row++) {
          long[] t = outbox.row(row);
          sent.add(new NodeTick.Sent(strings.string(t[r.locationColumn()]), decode(r, t)));
        }
      }
    }
    return new NodeTick(tick, node.name, arrived, derived, inserted, deleted, sent);
  }

  private GroundFact decode(Relation r, long[] t) {
    return GroundFact.decode(r, t, program.strings());
  }

  private String stillChanging() {
    List<String> parts = new ArrayList<>();
    if (!changedLastTick.isEmpty()) {
      parts.add("still changing in the last tick: " + String.join(", ", changedLastTick.names(program.relations())));
    }
    Set<String> channels = new LinkedHashSet<>();
    Set<String> inputs = new LinkedHashSet<>();
    int messages = 0;
    int events = 0;
    int nextDue = Integer.MAX_VALUE;
    for (Envelope e : pending) {
      if (e.input()) {
        events++;
        inputs.add(e.relation().name());
        nextDue = Math.min(nextDue, e.dueTick());
      } else {
        messages++;
        channels.add(e.relation().name());
      }
    }
    if (messages > 0) {
      parts.add(messages + " message(s) in flight on " + String.join(", ", channels));
    }
    if (events > 0) {
      parts.add(events + " input event(s) not yet delivered on " + String.join(", ", inputs)
          + (nextDue > tick ? " (the next is due at tick " + nextDue + ")" : ""));
    }
    return parts.isEmpty() ? "" : "; " + String.join("; ", parts);
  }
}
