package calm.analysis.calm;

/** The kinds of coordination point (§8, and §11's snapshot of a lattice value). */
public enum PointKind {
  NEGATION,
  AGGREGATION,
  DELETION,
  RACE,
  SNAPSHOT;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
