package calm.analysis.calm;

/**
 * The kinds of coordination point (§8 The CALM analysis, and the snapshot of a lattice value of §11 Keyed
 * tables, lattices and extern tables).
 */
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
