package calm.diagnostics;

/** How much a diagnostic matters; ordered from least to most severe. */
public enum Severity {
  NOTE,
  WARNING,
  ERROR;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
