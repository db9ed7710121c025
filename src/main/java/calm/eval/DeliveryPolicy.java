package calm.eval;

import java.util.List;

/**
 * Decides, at the start of every tick, which pending envelopes (input events not yet arrived, channel
 * messages in flight) arrive now, and in which order. The default run uses {@link NextTickDelivery};
 * the explorer plugs in seeded random delays, reorderings and duplicates.
 */
public interface DeliveryPolicy {
  /**
   * @param tick the tick about to run (1 for the first)
   * @param pending in sequence order; must not be modified
   * @return the arrivals of this tick, in arrival order; each must be one of {@code pending}. The run
   *     reads the list before it asks again, so a policy may hand out the same list every tick
   */
  List<Delivery> deliver(int tick, List<Envelope> pending);
}
