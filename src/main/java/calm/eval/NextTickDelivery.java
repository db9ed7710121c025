package calm.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The default schedule of §7 Runs and nodes: every message arrives on the tick after it was sent, in send
 * order; an input event arrives at its tick, and one with {@link Scenario#ANY_TICK} at tick 1.
 */
public final class NextTickDelivery implements DeliveryPolicy {
  @Override
  public List<Delivery> deliver(int tick, List<Envelope> pending) {
    List<Delivery> now = new ArrayList<>();
    for (Envelope e : pending) {
      boolean due = e.input() ? Math.max(e.dueTick(), 1) <= tick : e.sentTick() < tick;
      if (due) {
        now.add(Delivery.once(e));
      }
    }
    return now;
  }
}
