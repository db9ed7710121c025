package calm.eval;

import java.util.List;

/**
 * What happened at one node in one tick, for {@code --trace}: what arrived, what the fixpoint
 * derived, and what the node asked for at the end of the tick.
 */
public record NodeTick(
    int tick,
    String node,
    List<GroundFact> arrived,
    List<GroundFact> derived,
    List<GroundFact> insertedNext,
    List<GroundFact> deletedNext,
    List<Sent> sent) {

  /** A message handed to the network. */
  public record Sent(String to, GroundFact fact) {}

  public boolean isQuiet() {
    return arrived.isEmpty() && derived.isEmpty() && insertedNext.isEmpty() && deletedNext.isEmpty()
        && sent.isEmpty();
  }
}
