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
   * the envelope, its key, when it falls due, when its duplicate does (0: none), whether it has
   * arrived; and per tick the arrivals (first or duplicate) that happen then, in sequence order. A
   * worker's runs share one, emptied between runs, rather than allocating a slot per envelope.
   */
  static final class Slots {
    Envelope[] envelope = new Envelope[64];
    long[] key = new long[64];
    int[] due = new int[64];
    int[] duplicateDue = new int[64];
    boolean[] placed = new boolean[64];
    boolean[] arrived = new boolean[64];
    private int used;
    /*
     * The arrivals per tick, as linked lists in arrays: the first entry of a tick (entry + 1; 0 =
     * none), its last, and per entry the envelope's sequence number, whether it is the duplicate,
     * and the next entry of the same tick (entry + 1; 0 = none).
     */
    private int[] first = new int[64];
    private int[] last = new int[64];
    private int lastTick;
    private int[] entrySequence = new int[128];
    private boolean[] entryDuplicate = new boolean[128];
    private int[] entryNext = new int[128];
    private int entries;
    /** Per route hash, how many identical messages it carried so far. */
    private final RouteCounts sendings = new RouteCounts();
    final Map<String, Long> nodeHashes = new HashMap<>();

    /** Empties what the last run used. */
    void reset() {
      java.util.Arrays.fill(placed, 0, used, false);
      java.util.Arrays.fill(arrived, 0, used, false);
      java.util.Arrays.fill(first, 0, Math.min(first.length, lastTick + 1), 0);
      used = 0;
      lastTick = 0;
      entries = 0;
      sendings.clear();
    }

    void ensure(int sequence) {
      if (sequence >= placed.length) {
        int n = Math.max(placed.length * 2, sequence + 1);
        envelope = java.util.Arrays.copyOf(envelope, n);
        key = java.util.Arrays.copyOf(key, n);
        due = java.util.Arrays.copyOf(due, n);
        duplicateDue = java.util.Arrays.copyOf(duplicateDue, n);
        placed = java.util.Arrays.copyOf(placed, n);
        arrived = java.util.Arrays.copyOf(arrived, n);
      }
      used = Math.max(used, sequence + 1);
    }

    /** Records that envelope {@code sequence} (or its duplicate) arrives at {@code tick}, after those recorded before. */
    void arrivesAt(int tick, int sequence, boolean duplicate) {
      if (tick >= first.length) {
        int n = Math.max(first.length * 2, tick + 1);
        first = java.util.Arrays.copyOf(first, n);
        last = java.util.Arrays.copyOf(last, n);
      }
      if (entries == entrySequence.length) {
        entrySequence = java.util.Arrays.copyOf(entrySequence, entries * 2);
        entryDuplicate = java.util.Arrays.copyOf(entryDuplicate, entries * 2);
        entryNext = java.util.Arrays.copyOf(entryNext, entries * 2);
      }
      int entry = entries++;
      entrySequence[entry] = sequence;
      entryDuplicate[entry] = duplicate;
      entryNext[entry] = 0;
      if (first[tick] == 0) {
        first[tick] = entry + 1;
      } else {
        entryNext[last[tick] - 1] = entry + 1;
      }
      last[tick] = entry + 1;
      lastTick = Math.max(lastTick, tick);
    }

    /** The first arrival entry of {@code tick} + 1, or 0 when nothing arrives then. */
    int firstAt(int tick) {
      return tick < first.length ? first[tick] : 0;
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
  /** Whether arrivals come from the per-tick lists (no seals) rather than a walk over what is pending. */
  private final boolean byTick;
  /** The arrivals {@link #deliver} returns, reused from tick to tick (the run reads them before the next). */
  private final List<Delivery> now = new ArrayList<>();

  ScheduledDelivery(Schedule schedule, boolean record, SealOrder sealOrder) {
    this(schedule, record, sealOrder, new Slots(), true);
  }

  /** On {@code slots} (emptied first), keeping the envelopes met only when {@code keepMet}. */
  ScheduledDelivery(Schedule schedule, boolean record, SealOrder sealOrder, Slots slots, boolean keepMet) {
    this(schedule, record, sealOrder, slots, keepMet, sealOrder.isEmpty());
  }

  /**
   * As above; {@code byTick} false walks the pending envelopes every tick, as seals need, even when
   * there are none (what the per-tick lists are tested against).
   */
  ScheduledDelivery(Schedule schedule, boolean record, SealOrder sealOrder, Slots slots, boolean keepMet, boolean byTick) {
    this.schedule = schedule;
    this.sealOrder = sealOrder;
    this.byTick = byTick && sealOrder.isEmpty();
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
    List<Delivery> now = this.now;
    now.clear();
    if (byTick) {
      return arrivalsAt(tick, now);
    }
    boolean[] waiting = sealsWaiting(pending);
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

  /**
   * The arrivals of {@code tick} when no seal holds anything back, in sequence order as the loop
   * above finds them. The run asks at every tick while anything is pending, so that loop delivers an
   * envelope at the first tick, from the one that placed it, at which it is due, and its duplicate
   * at the first tick after that at which the duplicate is due: both known when it is placed.
   */
  private List<Delivery> arrivalsAt(int tick, List<Delivery> now) {
    for (int entry = slots.firstAt(tick); entry != 0; entry = slots.entryNext[entry - 1]) {
      int s = slots.entrySequence[entry - 1];
      Envelope e = slots.envelope[s];
      boolean duplicate = slots.entryDuplicate[entry - 1];
      if (duplicate) {
        now.add(Delivery.once(e));
      } else {
        slots.arrived[s] = true;
        now.add(new Delivery(e, slots.duplicateDue[s] > 0));
      }
      if (arrivals != null) {
        arrivals.add(new Arrival(tick, e, slots.key[s], duplicate));
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
    slots.envelope[s] = e;
    slots.key[s] = key;
    slots.due[s] = due;
    slots.duplicateDue[s] = duplicateDue;
    int arrives = Math.max(due, tick);
    slots.arrivesAt(arrives, s, false);
    if (duplicateDue > 0) {
      slots.arrivesAt(Math.max(duplicateDue, arrives + 1), s, true);
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
