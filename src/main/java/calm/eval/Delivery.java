package calm.eval;

/**
 * One arrival chosen by a {@link DeliveryPolicy}. With {@code keepInFlight} the envelope also stays
 * pending, so it can arrive again later (duplicate delivery).
 */
public record Delivery(Envelope envelope, boolean keepInFlight) {
  public static Delivery once(Envelope envelope) {
    return new Delivery(envelope, false);
  }
}
