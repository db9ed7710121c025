package calm.syntax;

import java.util.Locale;
import java.util.Set;

/** What to say about an aggregate that SQL or Soufflé has and Calm does not. */
final class AggregateHabits {
  private static final Set<String> AVERAGES = Set.of("avg", "average", "mean");

  private AggregateHabits() {}

  static String help(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (AVERAGES.contains(lower)) {
      return "Calm has no `" + name + "` (SQL's AVG): derive `sum(V)` and `count(V)` in two rules and divide,"
          + " e.g. `mean(G, S / N) :- total(G, S), n(G, N).` (integer division)";
    }
    return "the aggregates are count, sum, min and max";
  }
}
