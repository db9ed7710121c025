package calm.analysis.calm;

import calm.analysis.Dependency;
import calm.analysis.DependencyGraph;
import calm.syntax.Declaration;
import calm.syntax.HeadForm;
import calm.syntax.RelationKind;
import calm.syntax.Rule;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Relations whose facts only ever appear (§8, monotone aggregates): tables that no rule deletes from,
 * and scratch views of them. Never an event (it empties every tick). A view stays grow-only only if
 * every rule into it is positive and plain: a negated atom or an aggregate could make it shrink.
 *
 * <p>Computed as a greatest fixpoint: everything starts grow-only, and the relations that shrink spread
 * their taint forward through views, once each.
 */
final class GrowOnly {
  private final Set<String> shrinking = new HashSet<>();
  private final Set<String> deletedFrom = new HashSet<>();
  private final Set<String> fromAggregate = new HashSet<>();

  private GrowOnly() {}

  static GrowOnly of(DependencyGraph graph, List<Rule> rules, EventRelations events) {
    GrowOnly g = new GrowOnly();
    ArrayDeque<String> queue = new ArrayDeque<>();
    ArrayDeque<String> aggregates = new ArrayDeque<>();
    for (Rule rule : rules) {
      String head = rule.head().atom().relation().text();
      if (rule.head().form() == HeadForm.DELETE) {
        g.deletedFrom.add(head);
      }
      if (rule.isAggregate() && graph.relations().contains(head) && g.fromAggregate.add(head)) {
        aggregates.add(head);
      }
    }
    for (Declaration declaration : graph.schema().declarations()) {
      String name = declaration.name().text();
      boolean shrinks =
          switch (declaration.kind()) {
            case INPUT, CHANNEL -> true;
            case TABLE -> g.deletedFrom.contains(name);
            case SCRATCH -> events.isEvent(name) || hasImpureRuleInto(graph, name);
          };
      if (shrinks) {
        g.shrinking.add(name);
        queue.add(name);
      }
    }
    while (!queue.isEmpty()) {
      for (Dependency d : graph.outgoing(queue.poll())) {
        if (graph.schema().get(d.to()).kind() == RelationKind.SCRATCH && g.shrinking.add(d.to())) {
          queue.add(d.to());
        }
      }
    }
    while (!aggregates.isEmpty()) {
      for (Dependency d : graph.outgoing(aggregates.poll())) {
        if (g.fromAggregate.add(d.to())) {
          aggregates.add(d.to());
        }
      }
    }
    return g;
  }

  private static boolean hasImpureRuleInto(DependencyGraph graph, String scratch) {
    for (Dependency d : graph.incoming(scratch)) {
      if (d.negated() || d.aggregated()) {
        return true;
      }
    }
    return false;
  }

  /** Whether the relation's facts only ever appear. */
  boolean isGrowOnly(String relation) {
    return !shrinking.contains(relation);
  }

  boolean isDeletedFrom(String relation) {
    return deletedFrom.contains(relation);
  }

  /** Whether an aggregate computes the relation or anything it is derived from. */
  boolean isFromAggregate(String relation) {
    return fromAggregate.contains(relation);
  }
}
