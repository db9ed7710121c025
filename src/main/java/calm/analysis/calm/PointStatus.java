package calm.analysis.calm;

/** Whether a coordination point is open, sealed by a seal, or acknowledged with @coordinated. */
public enum PointStatus {
  UNACKNOWLEDGED,
  ACKNOWLEDGED,
  SEALED;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
