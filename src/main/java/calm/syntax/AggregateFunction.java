package calm.syntax;

import java.util.Optional;

/** The aggregates a head may hold (§4 Rules). */
public enum AggregateFunction {
  COUNT,
  SUM,
  MIN,
  MAX;

  public String keyword() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Optional<AggregateFunction> named(String name) {
    for (AggregateFunction f : values()) {
      if (f.keyword().equals(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
