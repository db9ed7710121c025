package calm.cli.graph;

import calm.analysis.calm.ConstraintVerdict;
import calm.analysis.calm.PointStatus;

/**
 * The colours of coordination points in drawings (DOT, Mermaid), shared so that a legend reads the
 * same everywhere. Colours on a terminal are {@code calm.cli.Palette}'s.
 */
final class PointColours {
  static final String OPEN = "#d62728";
  static final String SEALED = "#1f77b4";
  static final String ACKNOWLEDGED = "#9467bd";

  private PointColours() {}

  static String of(PointStatus status) {
    return switch (status) {
      case UNACKNOWLEDGED -> OPEN;
      case SEALED -> SEALED;
      case ACKNOWLEDGED -> ACKNOWLEDGED;
    };
  }

  /** A constraint's colour: that of the worst status it depends on, or null when it depends on none. */
  static String of(ConstraintVerdict.Kind verdict) {
    return switch (verdict) {
      case SCHEDULE_INDEPENDENT -> null;
      case SEALED -> SEALED;
      case COORDINATED -> ACKNOWLEDGED;
      case ORDER_DEPENDENT -> OPEN;
    };
  }

  /** The Mermaid class of a constraint, as {@link #of(ConstraintVerdict.Kind)}. */
  static String className(ConstraintVerdict.Kind verdict) {
    return switch (verdict) {
      case SCHEDULE_INDEPENDENT -> null;
      case SEALED -> "sealed";
      case COORDINATED -> "acknowledged";
      case ORDER_DEPENDENT -> "open";
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
