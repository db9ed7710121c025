package calm.analysis.calm;

import calm.analysis.Dependency;
import calm.analysis.DependencyGraph;
import calm.syntax.Declaration;
import calm.syntax.RelationKind;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The event relations of §8 and the arrival each comes from. An input or a channel is an event; so is
 * a scratch that reads an event (positively or negatively, directly or through other scratch), since
 * it holds facts only in the tick the event arrives. A scratch that reads no event is a view.
 *
 * <p>Each event remembers its source of asynchrony, or that it mixes several: two events derived from
 * the same single source come from the same arrival and do not race. Each relation's value can change
 * at most twice (unknown, one source, several), so the propagation is linear.
 */
final class EventRelations {
  /** Marks an event fed by more than one source; relation names cannot start with '*'. */
  private static final String SEVERAL = "*";

  private final Map<String, String> sourceOf = new HashMap<>();

  private EventRelations() {}

  static EventRelations of(DependencyGraph graph) {
    EventRelations events = new EventRelations();
    ArrayDeque<String> queue = new ArrayDeque<>();
    for (Declaration declaration : graph.schema().declarations()) {
      if (declaration.kind().isSourceOfAsynchrony()) {
        events.sourceOf.put(declaration.name().text(), declaration.name().text());
        queue.add(declaration.name().text());
      }
    }
    while (!queue.isEmpty()) {
      String relation = queue.poll();
      String source = events.sourceOf.get(relation);
      for (Dependency d : graph.outgoing(relation)) {
        String next = d.to();
        if (graph.schema().get(next).kind() != RelationKind.SCRATCH) {
          continue;
        }
        String old = events.sourceOf.get(next);
        String merged = old == null || old.equals(source) ? source : SEVERAL;
        if (!merged.equals(old)) {
          events.sourceOf.put(next, merged);
          queue.add(next);
        }
      }
    }
    return events;
  }

  boolean isEvent(String relation) {
    return sourceOf.containsKey(relation);
  }

  /** Whether joining events of these relations could pair facts from different arrivals. */
  boolean fromDifferentSources(Iterable<String> eventRelations) {
    String seen = null;
    for (String r : eventRelations) {
      String source = sourceOf.get(r);
      if (SEVERAL.equals(source) || (seen != null && !seen.equals(source))) {
        return true;
      }
      seen = source;
    }
    return false;
  }

  /** The source an event comes from, or a description when it mixes several. */
  String describeSource(String relation) {
    String source = sourceOf.get(relation);
    return SEVERAL.equals(source) ? "several sources" : "`" + source + "`";
  }
}
