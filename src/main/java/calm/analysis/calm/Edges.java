package calm.analysis.calm;

import calm.analysis.graph.Dependency;
import calm.analysis.graph.Time;
import calm.syntax.Literal;
import calm.syntax.Rule;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the analysis says about each edge of the dependency graph, for drawings and notes: Bud's label
 * (§8 The CALM analysis: A, M, N, D), whether it is non-monotone, which point it is a reason of.
 */
final class Edges {
  /**
   * Each rule's point, by the rule's number: an edge is a reason of its own rule's point or of none.
   * (A map by literal hashed half a million literals by identity, which the C1 compiler a check runs
   * with calls the JVM for, then again at every lookup.)
   */
  private final PointDraft[] pointOfRule;
  private final Set<Rule> monotoneAggregates;

  /** {@code points} of the program's {@code rules} rules, numbered as its dependency graph's. */
  Edges(List<PointDraft> points, int rules, Set<Rule> monotoneAggregates) {
    this.monotoneAggregates = monotoneAggregates;
    this.pointOfRule = new PointDraft[rules];
    for (PointDraft point : points) {
      if (point.index >= 0) { // a constraint's body taken as a rule has no place, and no edges
        pointOfRule[point.index] = point;
      }
    }
  }

  /** The point whose reasons hold the edge's literal, or null. */
  private PointDraft reasonOf(Dependency d) {
    int rule = d.ruleNumber();
    PointDraft point = rule < 0 || rule >= pointOfRule.length ? null : pointOfRule[rule];
    if (point == null || point.rule != d.rule()) {
      return null;
    }
    for (List<Literal> literals : point.reasons.values()) {
      for (Literal literal : literals) {
        if (literal == d.literal()) {
          return point;
        }
      }
    }
    return null;
  }

  /** Whether the edge can lose facts in its head when its body gains some, after monotone aggregates. */
  boolean isNonMonotone(Dependency d) {
    return d.negated() || d.deleting() || d.snapshot()
        || (d.aggregated() && !monotoneAggregates.contains(d.rule()));
  }

  /** Bud's label for one edge: D where the edge is a reason of a coordination point. */
  EdgeLabel label(Dependency d) {
    if (reasonOf(d) != null) {
      return EdgeLabel.D;
    }
    if (d.time() == Time.ASYNC) {
      return EdgeLabel.A;
    }
    return isNonMonotone(d) ? EdgeLabel.N : EdgeLabel.M;
  }

  /** The point this edge is a reason of, if any. */
  Optional<CoordinationPoint> pointOf(Dependency d) {
    PointDraft point = reasonOf(d);
    return point == null ? Optional.empty() : Optional.of(point.point);
  }
}
