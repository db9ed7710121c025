package calm.analysis.calm;

import calm.analysis.graph.Dependency;
import calm.analysis.graph.Time;
import calm.syntax.HeadForm;
import calm.syntax.Rule;
import java.util.List;

/**
 * Relations fixed before the first tick (§8 The CALM analysis, thresholds): written only by facts and
 * same-tick rules over relations that are fixed too, so that every tick computes the same contents (a panel's
 * size counted from facts). Not asynchronous, never deleted from, never written by {@code @next}.
 *
 * <p>Computed like {@link GrowOnly}: everything starts fixed, and the relations that can change spread
 * their taint forward, once each.
 */
final class FixedRelations {
  private final RelationIndex index;
  private final boolean[] changing;

  private FixedRelations(RelationIndex index) {
    this.index = index;
    this.changing = new boolean[index.size()];
  }

  static FixedRelations of(RelationIndex index, AsyncReach reach, List<Rule> rules) {
    FixedRelations f = new FixedRelations(index);
    int n = index.size();
    // a rule's time, from the rule itself: one that reads no relation has no edge to say it
    for (int r = 0; r < rules.size(); r++) {
      Rule rule = rules.get(r);
      int head = index.ids().head(r);
      if (head >= 0 && rule.head().form() != HeadForm.SAME_TICK) {
        f.changing[head] = true;
      }
    }
    int[] queue = new int[n];
    int tail = 0;
    for (int r = 0; r < n; r++) {
      boolean changes = f.changing[r] || reach.isAsynchronous(r) || index.kind(r).isSourceOfAsynchrony();
      for (Dependency d : index.incoming(r)) {
        changes |= d.time() != Time.SAME_TICK || d.deleting();
      }
      if (changes) {
        f.changing[r] = true;
        queue[tail++] = r;
      }
    }
    for (int head = 0; head < tail; head++) {
      for (int next : index.targets(queue[head])) {
        if (!f.changing[next]) {
          f.changing[next] = true;
          queue[tail++] = next;
        }
      }
    }
    return f;
  }

  /** Whether the relation holds the same facts in every tick of every run. */
  boolean isFixed(String relation) {
    return isFixed(index.id(relation));
  }

  /** As {@link #isFixed(String)}, for a relation's number (or {@code -1}: undeclared, never fixed). */
  boolean isFixed(int id) {
    return id >= 0 && !changing[id];
  }
}
