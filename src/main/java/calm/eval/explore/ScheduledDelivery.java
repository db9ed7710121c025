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

  private static final class Slot {
    final long key;
    final int due;
    final int duplicateDue;
    boolean arrived;

    Slot(long key, int due, int duplicateDue) {
      this.key = key;
      this.due = due;
      this.duplicateDue = duplicateDue;
    }
  }

  private final Schedule schedule;
  private final SealOrder sealOrder;
  private final List<Arrival> arrivals; // null unless recording
  /** Per envelope, by its sequence number (a run numbers its envelopes 0, 1, 2, ... as they enter). */
  private Slot[] slots = new Slot[64];
  private final Map<Long, Integer> sendings = new HashMap<>();
  private final Map<String, Long> nodeHashes = new HashMap<>();
  final List<Met> met = new ArrayList<>();

  ScheduledDelivery(Schedule schedule, boolean record, SealOrder sealOrder) {
    this.schedule = schedule;
    this.sealOrder = sealOrder;
    this.arrivals = record ? new ArrayList<>() : null;
  }

  List<Arrival> arrivals() {
    return arrivals;
  }

  @Override
  public List<Delivery> deliver(int tick, List<Envelope> pending) {
    List<Delivery> now = new ArrayList<>();
    for (Envelope e : pending) {
      int sequence = Math.toIntExact(e.sequence());
      if (sequence >= slots.length) {
        slots = java.util.Arrays.copyOf(slots, Math.max(slots.length * 2, sequence + 1));
      }
      if (slots[sequence] == null) {
        slots[sequence] = place(e);
      }
    }
    boolean[] waiting = sealsWaiting(pending);
    for (Envelope e : pending) {
      Slot slot = slots[(int) e.sequence()];
      if (!slot.arrived) {
        if (slot.due <= tick && !heldForSeal(e, waiting)) {
          slot.arrived = true;
          boolean again = slot.duplicateDue > 0;
          now.add(new Delivery(e, again));
          if (arrivals != null) {
            arrivals.add(new Arrival(tick, e, slot.key, false));
          }
        }
      } else if (slot.duplicateDue <= tick) {
        now.add(Delivery.once(e));
        if (arrivals != null) {
          arrivals.add(new Arrival(tick, e, slot.key, true));
        }
      }
    }
    return now;
  }

  /** Per seal, whether an envelope that feeds its sealed relation has yet to arrive. */
  private boolean[] sealsWaiting(List<Envelope> pending) {
    boolean[] waiting = new boolean[sealOrder.seals()];
    if (sealOrder.isEmpty()) {
      return waiting;
    }
    for (Envelope e : pending) {
      if (!slots[(int) e.sequence()].arrived) {
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

  private Slot place(Envelope e) {
    if (e.input()) {
      long key = Seeds.combine(INPUT_SALT, e.sequence());
      if (e.dueTick() != Scenario.ANY_TICK) {
        return new Slot(key, e.dueTick(), 0); // the scenario fixed its tick
      }
      Decision d = schedule.decide(key, true);
      met.add(new Met(key, true, e, d));
      return new Slot(key, 1 + d.delay(), 0);
    }
    long route = Seeds.combine(Seeds.combine(e.relation().id(), nodeHash(e.from())), nodeHash(e.node()));
    for (long v : e.tuple()) {
      route = Seeds.combine(route, v);
    }
    int sending = sendings.merge(route, 1, Integer::sum);
    long key = Seeds.combine(route, sending);
    Decision d = schedule.decide(key, false);
    met.add(new Met(key, false, e, d));
    int due = e.sentTick() + 1 + d.delay();
    return new Slot(key, due, d.duplicates() ? due + d.duplicateAfter() : 0);
  }

  private long nodeHash(String node) {
    return nodeHashes.computeIfAbsent(node, n -> {
      long h = 0;
      for (int i = 0; i < n.length(); i++) {
        h = Seeds.combine(h, n.charAt(i));
      }
      return h;
    });
  }
}
