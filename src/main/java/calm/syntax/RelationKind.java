package calm.syntax;

/** The four kinds of relation (§2 Declarations). */
public enum RelationKind {
  /** Persistent: facts stay until deleted. */
  TABLE,
  /** Per tick: emptied at the end of every tick. */
  SCRATCH,
  /** Facts from outside, arriving at any time; visible in the tick they arrive. */
  INPUT,
  /** Network messages, delivered to the node in the '@' column. */
  CHANNEL;

  public String keyword() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Inputs and channels are the sources of asynchrony (§8 The CALM analysis). */
  public boolean isSourceOfAsynchrony() {
    return this == INPUT || this == CHANNEL;
  }
}
