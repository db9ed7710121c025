package calm.eval.explore;

import calm.eval.Delivery;
import calm.eval.DeliveryPolicy;
import calm.eval.Envelope;
import calm.eval.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Delivers envelopes as a {@link Schedule} decides. Each envelope is named by a key on first sight:
 * an input event by its place in the run configuration, a channel message by its route and content
 * and by how many identical messages that route carried before (the n-th sending). Remembers the keys
 * in the order met — the numbering of replay tokens — and, when asked, every arrival.
 */
final class ScheduledDelivery implements DeliveryPolicy {
  private static final long INPUT_SALT = 0x1A2B3C4D5E6F7081L;

  /** An envelope the schedule has placed. */
  record Met(long key, boolean input, Envelope envelope, Decision decision) {}

  /** An envelope that arrived at its node. */
  record Arrival(int tick, Envelope envelope, long key, boolean duplicate) {}

  /**
   * Per envelope, by its sequence number (a run numbers its envelopes 0, 1, 2, ... as they enter):
   * its key, when it arrives, when its duplicate arrives (0: none), whether it has arrived; and per
   * tick how many arrivals (first or duplicate) fall due then. A worker's runs share one, emptied
   * between runs, rather than allocating a slot per envelope.
   */
  static final class Slots {
    long[] key = new long[64];
    int[] due = new int[64];
    int[] duplicateDue = new int[64];
    boolean[] placed = new boolean[64];
    boolean[] arrived = new boolean[64];
    int[] dueAt = new int[64];
    private int used;
    private int lastDue;
    /** Per route hash, how many identical messages it carried so far. */
    private final RouteCounts sendings = new RouteCounts();
    final Map<String, Long> nodeHashes = new HashMap<>();

    /** Empties what the last run used. */
    void reset() {
      java.util.Arrays.fill(placed, 0, used, false);
      java.util.Arrays.fill(arrived, 0, used, false);
      java.util.Arrays.fill(dueAt, 0, Math.min(dueAt.length, lastDue + 1), 0);
      used = 0;
      lastDue = 0;
      sendings.clear();
    }

    void ensure(int sequence) {
      if (sequence >= placed.length) {
        int n = Math.max(placed.length * 2, sequence + 1);
        key = java.util.Arrays.copyOf(key, n);
        due = java.util.Arrays.copyOf(due, n);
        duplicateDue = java.util.Arrays.copyOf(duplicateDue, n);
        placed = java.util.Arrays.copyOf(placed, n);
        arrived = java.util.Arrays.copyOf(arrived, n);
      }
      used = Math.max(used, sequence + 1);
    }

    void countDue(int tick) {
      if (tick >= dueAt.length) {
        dueAt = java.util.Arrays.copyOf(dueAt, Math.max(dueAt.length * 2, tick + 1));
      }
      dueAt[tick]++;
      lastDue = Math.max(lastDue, tick);
    }

    int dueAt(int tick) {
      return tick < dueAt.length ? dueAt[tick] : 0;
    }
  }

  /** Counts per long key (route hashes), open addressing, emptied between runs without allocating. */
  static final class RouteCounts {
    private long[] keys = new long[64];
    private int[] counts = new int[64];
    private int size;

    /** Adds one to {@code key}'s count and returns the new count. */
    int increment(long key) {
      int mask = keys.length - 1;
      int i = (int) Seeds.mix(key) & mask;
      while (counts[i] != 0) {
        if (keys[i] == key) {
          return ++counts[i];
        }
        i = (i + 1) & mask;
      }
      keys[i] = key;
      counts[i] = 1;
      if (++size * 2 > keys.length) {
        grow();
      }
      return 1;
    }

    private void grow() {
      long[] oldKeys = keys;
      int[] oldCounts = counts;
      keys = new long[oldKeys.length * 2];
      counts = new int[oldKeys.length * 2];
      int mask = keys.length - 1;
      for (int j = 0; j < oldKeys.length; j++) {
        if (oldCounts[j] != 0) {
          int i = (int) Seeds.mix(oldKeys[j]) & mask;
          while (counts[i] != 0) {
            i = (i + 1) & mask;
          }
          keys[i] = oldKeys[j];
          counts[i] = oldCounts[j];
        }
      }
    }

    void clear() {
      if (size > 0) {
        java.util.Arrays.fill(counts, 0);
        size = 0;
      }
    }
  }

  private final Schedule schedule;
  private final SealOrder sealOrder;
  private final List<Arrival> arrivals; // null unless recording
  private final Slots slots;
  /** The envelopes met, in order, or null when nobody asks (an explored run's choices are not shown). */
  final List<Met> met;
  private int lastTick;
  /** The arrivals {@link #deliver} returns, reused from tick to tick (the run reads them before the next). */
  private final List<Delivery> now = new ArrayList<>();

  ScheduledDelivery(Schedule schedule, boolean record, SealOrder sealOrder) {
    this(schedule, record, sealOrder, new Slots(), true);
  }

  /** On {@code slots} (emptied first), keeping the envelopes met only when {@code keepMet}. */
  ScheduledDelivery(Schedule schedule, boolean record, SealOrder sealOrder, Slots slots, boolean keepMet) {
    this.schedule = schedule;
    this.sealOrder = sealOrder;
    this.arrivals = record ? new ArrayList<>() : null;
    this.slots = slots;
    this.met = keepMet ? new ArrayList<>() : null;
    slots.reset();
  }

  List<Arrival> arrivals() {
    return arrivals;
  }

  @Override
  public List<Delivery> deliver(int tick, List<Envelope> pending) {
    int size = pending.size();
    // pending is in sequence order and every envelope of the last tick was placed then: the new
    // ones are at the end
    int firstNew = size;
    while (firstNew > 0 && !placed(pending.get(firstNew - 1))) {
      firstNew--;
    }
    for (int i = firstNew; i < size; i++) {
      place(pending.get(i), tick);
    }
    boolean consecutive = tick == lastTick + 1;
    lastTick = tick;
    // without seals everything due by the last tick arrived then, so nothing arrives now unless
    // something falls due now (most ticks of a run deliver nothing)
    if (consecutive && sealOrder.isEmpty() && slots.dueAt(tick) == 0) {
      return List.of();
    }
    boolean[] waiting = sealsWaiting(pending);
    List<Delivery> now = this.now;
    now.clear();
    for (int i = 0; i < size; i++) {
      Envelope e = pending.get(i);
      int s = (int) e.sequence();
      if (!slots.arrived[s]) {
        if (slots.due[s] <= tick && (waiting == null || !heldForSeal(e, waiting))) {
          slots.arrived[s] = true;
          boolean again = slots.duplicateDue[s] > 0;
          now.add(new Delivery(e, again));
          if (arrivals != null) {
            arrivals.add(new Arrival(tick, e, slots.key[s], false));
          }
        }
      } else if (slots.duplicateDue[s] <= tick) {
        now.add(Delivery.once(e));
        if (arrivals != null) {
          arrivals.add(new Arrival(tick, e, slots.key[s], true));
        }
      }
    }
    return now;
  }

  private boolean placed(Envelope e) {
    int s = Math.toIntExact(e.sequence());
    return s < slots.placed.length && slots.placed[s];
  }

  /** Per seal, whether an envelope that feeds its sealed relation has yet to arrive. */
  private boolean[] sealsWaiting(List<Envelope> pending) {
    if (sealOrder.isEmpty()) {
      return null;
    }
    boolean[] waiting = new boolean[sealOrder.seals()];
    for (Envelope e : pending) {
      if (!slots.arrived[(int) e.sequence()]) {
        for (int s = 0; s < waiting.length; s++) {
          waiting[s] |= sealOrder.feeds(s, e);
        }
      }
    }
    return waiting;
  }

  /** A guard's envelope waits for what its seal closes; an input the scenario gave a tick does not. */
  private boolean heldForSeal(Envelope e, boolean[] waiting) {
    if (e.input() && e.dueTick() != Scenario.ANY_TICK) {
      return false;
    }
    for (int s = 0; s < waiting.length; s++) {
      if (waiting[s] && sealOrder.triggers(s, e)) {
        return true;
      }
    }
    return false;
  }

  private void place(Envelope e, int tick) {
    int s = Math.toIntExact(e.sequence());
    slots.ensure(s);
    slots.placed[s] = true;
    slots.arrived[s] = false;
    long key;
    int due;
    int duplicateDue = 0;
    if (e.input()) {
      key = Seeds.combine(INPUT_SALT, e.sequence());
      if (e.dueTick() != Scenario.ANY_TICK) {
        due = e.dueTick(); // the scenario fixed its tick
      } else {
        Decision d = schedule.decide(key, true);
        if (met != null) {
          met.add(new Met(key, true, e, d));
        }
        due = 1 + d.delay();
      }
    } else {
      long route = Seeds.combine(Seeds.combine(e.relation().id(), nodeHash(e.from())), nodeHash(e.node()));
      for (long v : e.tuple()) {
        route = Seeds.combine(route, v);
      }
      key = Seeds.combine(route, slots.sendings.increment(route));
      Decision d = schedule.decide(key, false);
      if (met != null) {
        met.add(new Met(key, false, e, d));
      }
      due = e.sentTick() + 1 + d.delay();
      duplicateDue = d.duplicates() ? due + d.duplicateAfter() : 0;
    }
    slots.key[s] = key;
    slots.due[s] = due;
    slots.duplicateDue[s] = duplicateDue;
    slots.countDue(Math.max(due, tick));
    if (duplicateDue > 0) {
      slots.countDue(Math.max(duplicateDue, tick));
    }
  }

  private long nodeHash(String node) {
    return slots.nodeHashes.computeIfAbsent(node, n -> {
      long h = 0;
      for (int i = 0; i < n.length(); i++) {
        h = Seeds.combine(h, n.charAt(i));
      }
      return h;
    });
  }
}
