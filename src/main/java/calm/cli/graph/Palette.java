package calm.cli.graph;

import calm.analysis.calm.PointStatus;

/** The colours of coordination points, shared by every drawing so that a legend reads the same. */
final class Palette {
  static final String OPEN = "#d62728";
  static final String SEALED = "#1f77b4";
  static final String ACKNOWLEDGED = "#9467bd";

  private Palette() {}

  static String of(PointStatus status) {
    return switch (status) {
      case UNACKNOWLEDGED -> OPEN;
      case SEALED -> SEALED;
      case ACKNOWLEDGED -> ACKNOWLEDGED;
    };
  }

  /** The class name a status gets in Mermaid. */
  static String className(PointStatus status) {
    return switch (status) {
      case UNACKNOWLEDGED -> "open";
      case SEALED -> "sealed";
      case ACKNOWLEDGED -> "acknowledged";
    };
  }
}
