package calm.analysis.calm;

/** The per-output verdict of §8 The CALM analysis. */
public enum Verdict {
  CONFLUENT("confluent"),
  SEALED("sealed"),
  COORDINATED("coordinated"),
  NEEDS_COORDINATION("needs-coordination");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  /** As in JSON: {@code needs-coordination}. */
  public String label() {
    return label;
  }

  /** As in prose: {@code needs coordination}. */
  public String words() {
    return label.replace('-', ' ');
  }
}
