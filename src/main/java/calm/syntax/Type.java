package calm.syntax;

/** Column and value types. */
public enum Type {
  INT,
  STRING;

  public String keyword() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
