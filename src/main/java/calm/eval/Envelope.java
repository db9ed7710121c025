package calm.eval;


/**
 * Something on its way to a node: an input event from outside, or a channel message another node
 * sent. A {@link DeliveryPolicy} decides when each arrives.
 *
 * @param sequence the order in which envelopes entered the network (send order)
 * @param sentTick the tick a message was sent in (0 for input events)
 * @param dueTick an input event's scheduled tick, or {@link Scenario#ANY_TICK}; 0 for messages
 * @param from the sending node, or null for an input event
 */
public record Envelope(
    long sequence, boolean input, String node, Relation relation, long[] tuple, int sentTick, int dueTick,
    String from) {

  public GroundFact fact(StringPool strings) {
    return GroundFact.decode(relation, tuple, strings);
  }
}
