package calm.analysis.calm;

/** The four kinds of coordination point (§8). */
public enum PointKind {
  NEGATION,
  AGGREGATION,
  DELETION,
  RACE;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
