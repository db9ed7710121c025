package calm.eval;

import calm.source.Span;
import java.util.Optional;

/**
 * Why a run stopped before quiescence: arithmetic overflow, division by zero, a bound, a message to a
 * node that does not exist. {@code span} is the rule at fault, when there is one.
 */
public final class RunError extends RuntimeException {
  private final transient Span span;

  public RunError(String message, Span span) {
    super(message, null, false, false);
    this.span = span;
  }

  public RunError(String message) {
    this(message, null);
  }

  public Optional<Span> span() {
    return Optional.ofNullable(span);
  }
}
