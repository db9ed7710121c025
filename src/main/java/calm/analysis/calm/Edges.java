package calm.analysis.calm;

import calm.analysis.graph.Dependency;
import calm.analysis.graph.Time;
import calm.syntax.Literal;
import calm.syntax.Rule;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the analysis says about each edge of the dependency graph, for drawings and notes: Bud's label
 * (§8 The CALM analysis: A, M, N, D), whether it is non-monotone, which point it is a reason of.
 */
final class Edges {
  private final Map<Literal, PointDraft> reasonOf = new IdentityHashMap<>();
  private final Set<Rule> monotoneAggregates;

  Edges(List<PointDraft> points, Set<Rule> monotoneAggregates) {
    this.monotoneAggregates = monotoneAggregates;
    for (PointDraft point : points) {
      for (List<Literal> literals : point.reasons.values()) {
        for (Literal literal : literals) {
          reasonOf.put(literal, point);
        }
      }
    }
  }

  /** Whether the edge can lose facts in its head when its body gains some, after monotone aggregates. */
  boolean isNonMonotone(Dependency d) {
    return d.negated() || d.deleting() || d.snapshot()
        || (d.aggregated() && !monotoneAggregates.contains(d.rule()));
  }

  /** Bud's label for one edge: D where the edge is a reason of a coordination point. */
  EdgeLabel label(Dependency d) {
    if (reasonOf.containsKey(d.literal())) {
      return EdgeLabel.D;
    }
    if (d.time() == Time.ASYNC) {
      return EdgeLabel.A;
    }
    return isNonMonotone(d) ? EdgeLabel.N : EdgeLabel.M;
  }

  /** The point this edge is a reason of, if any. */
  Optional<CoordinationPoint> pointOf(Dependency d) {
    PointDraft point = reasonOf.get(d.literal());
    return point == null ? Optional.empty() : Optional.of(point.point);
  }
}
