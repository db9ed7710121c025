package calm.eval.explore;

/**
 * One line of a run's timeline: an arrival at a node, or a change in an output there. {@code marked}
 * says the line is part of the difference a witness shows (a delivery the other schedule makes
 * differently, an output fact only one side has).
 */
public record TimelineEvent(Kind kind, String node, String fact, String from, long key, boolean marked) {
  public enum Kind {
    /** An input event arrived. */
    INPUT,
    /** A channel message arrived. */
    MESSAGE,
    /** A second copy of a channel message arrived. */
    DUPLICATE,
    /** An output fact appeared. */
    APPEARED,
    /** An output fact disappeared. */
    RETRACTED
  }

  public boolean isDelivery() {
    return kind == Kind.INPUT || kind == Kind.MESSAGE || kind == Kind.DUPLICATE;
  }

  TimelineEvent mark(boolean marked) {
    return new TimelineEvent(kind, node, fact, from, key, marked);
  }
}
