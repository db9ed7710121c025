package calm.syntax;

/**
 * The order of a lattice column (§11 Keyed tables, lattices and extern tables): {@code max<T>} keeps the greatest value inserted for a key,
 * {@code min<T>} the least. {@code NONE} marks a plain column.
 */
public enum Lattice {
  NONE,
  MAX,
  MIN;

  public boolean isLattice() {
    return this != NONE;
  }

  /** {@code max}, {@code min}, or empty for a plain column. */
  public String keyword() {
    return this == NONE ? "" : name().toLowerCase(java.util.Locale.ROOT);
  }

  /** How the type is written: {@code max<int>}, or just {@code int} for a plain column. */
  public String spell(Type base) {
    return this == NONE ? base.keyword() : keyword() + "<" + base.keyword() + ">";
  }
}
