package calm.analysis.graph;

import calm.syntax.HeadForm;

/** When a rule's derivation takes effect, as a dependency edge sees it. */
public enum Time {
  SAME_TICK,
  NEXT,
  ASYNC;

  public static Time of(HeadForm form) {
    return switch (form) {
      case SAME_TICK -> SAME_TICK;
      case NEXT, DELETE, UPDATE -> NEXT;
      case ASYNC -> ASYNC;
    };
  }
}
