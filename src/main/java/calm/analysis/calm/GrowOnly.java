package calm.analysis.calm;

import calm.analysis.graph.Dependency;
import calm.syntax.HeadForm;
import calm.syntax.RelationKind;
import calm.syntax.Rule;
import java.util.List;

/**
 * Relations whose facts only ever appear (§8 The CALM analysis, monotone aggregates): tables that no rule
 * deletes from, and scratch views of them. Never an event (it empties every tick). A view stays grow-only
 * only if every rule into it is positive and plain: a negated atom or an aggregate could make it shrink.
 *
 * <p>Computed as a greatest fixpoint: everything starts grow-only, and the relations that shrink spread
 * their taint forward through views, once each.
 */
final class GrowOnly {
  private final RelationIndex index;
  private final boolean[] shrinking;
  private final boolean[] deletedFrom;
  private final boolean[] fromAggregate;

  private GrowOnly(RelationIndex index) {
    this.index = index;
    shrinking = new boolean[index.size()];
    deletedFrom = new boolean[index.size()];
    fromAggregate = new boolean[index.size()];
  }

  static GrowOnly of(RelationIndex index, List<Rule> rules, EventRelations events) {
    GrowOnly g = new GrowOnly(index);
    int n = index.size();
    int[] aggregates = new int[n];
    int aggregateCount = 0;
    for (int r = 0; r < rules.size(); r++) {
      Rule rule = rules.get(r);
      int head = index.ids().head(r);
      if (head < 0) {
        continue;
      }
      if (rule.head().form() == HeadForm.DELETE) {
        g.deletedFrom[head] = true;
      }
      if (rule.isAggregate() && !g.fromAggregate[head]) {
        g.fromAggregate[head] = true;
        aggregates[aggregateCount++] = head;
      }
    }
    int[] queue = new int[n];
    int tail = 0;
    for (int r = 0; r < n; r++) {
      boolean shrinks =
          switch (index.kind(r)) {
            case INPUT, CHANNEL -> true;
            case TABLE -> g.deletedFrom[r];
            case SCRATCH -> events.isEvent(r) || hasImpureRuleInto(index, r);
          };
      if (shrinks) {
        g.shrinking[r] = true;
        queue[tail++] = r;
      }
    }
    for (int head = 0; head < tail; head++) {
      for (int next : index.targets(queue[head])) {
        if (index.kind(next) == RelationKind.SCRATCH && !g.shrinking[next]) {
          g.shrinking[next] = true;
          queue[tail++] = next;
        }
      }
    }
    for (int head = 0; head < aggregateCount; head++) {
      for (int next : index.targets(aggregates[head])) {
        if (!g.fromAggregate[next]) {
          g.fromAggregate[next] = true;
          aggregates[aggregateCount++] = next;
        }
      }
    }
    return g;
  }

  private static boolean hasImpureRuleInto(RelationIndex index, int scratch) {
    for (Dependency d : index.incoming(scratch)) {
      if (d.negated() || d.aggregated()) {
        return true;
      }
    }
    return false;
  }

  /** Whether the relation's facts only ever appear. */
  boolean isGrowOnly(String relation) {
    int id = index.id(relation);
    return id >= 0 && !shrinking[id];
  }

  boolean isDeletedFrom(String relation) {
    int id = index.id(relation);
    return id >= 0 && deletedFrom[id];
  }

  /** Whether an aggregate computes the relation or anything it is derived from. */
  boolean isFromAggregate(String relation) {
    int id = index.id(relation);
    return id >= 0 && fromAggregate[id];
  }
}
