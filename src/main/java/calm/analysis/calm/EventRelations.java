package calm.analysis.calm;

import calm.syntax.RelationKind;
import java.util.Arrays;

/**
 * The event relations of §8 The CALM analysis and the arrival each comes from. An input or a channel is an
 * event; so is a scratch that reads an event (positively or negatively, directly or through other scratch),
 * since it holds facts only in the tick the event arrives. A scratch that reads no event is a view.
 *
 * <p>Each event remembers its source of asynchrony, or that it mixes several: two events derived from
 * the same single source come from the same arrival and do not race. Each relation's value can change
 * at most twice (unknown, one source, several), so the propagation is linear.
 */
final class EventRelations {
  private static final int NONE = -1;
  private static final int SEVERAL = -2;

  private final RelationIndex index;
  /** The id of an event's source, SEVERAL when it mixes sources, NONE for a relation that is no event. */
  private final int[] source;

  private EventRelations(RelationIndex index) {
    this.index = index;
    this.source = new int[index.size()];
    Arrays.fill(source, NONE);
  }

  static EventRelations of(RelationIndex index) {
    EventRelations events = new EventRelations(index);
    int[] queue = new int[2 * index.size() + 1];
    int head = 0;
    int tail = 0;
    for (int r = 0; r < index.size(); r++) {
      if (index.kind(r).isSourceOfAsynchrony()) {
        events.source[r] = r;
        queue[tail++] = r;
      }
    }
    while (head < tail) {
      int r = queue[head++];
      int from = events.source[r];
      for (int next : index.targets(r)) {
        if (index.kind(next) != RelationKind.SCRATCH) {
          continue;
        }
        int old = events.source[next];
        int merged = old == NONE || old == from ? from : SEVERAL;
        if (merged != old) {
          events.source[next] = merged;
          queue[tail++] = next; // at most twice per relation: the queue has room
        }
      }
    }
    return events;
  }

  boolean isEvent(String relation) {
    return isEvent(index.id(relation));
  }

  /** As {@link #isEvent(String)}, for a relation's number (or {@code -1}, undeclared). */
  boolean isEvent(int id) {
    return id >= 0 && source[id] != NONE;
  }

  /** Whether joining events of these relations could pair facts from different arrivals. */
  boolean fromDifferentSources(Iterable<String> eventRelations) {
    int seen = NONE;
    for (String r : eventRelations) {
      int s = source[index.id(r)];
      if (s == SEVERAL || (seen != NONE && seen != s)) {
        return true;
      }
      seen = s;
    }
    return false;
  }

  /** The one source an event comes from (the relation itself for an input or a channel). */
  String sourceName(String relation) {
    int s = source[index.id(relation)];
    return s < 0 ? relation : index.name(s);
  }

  /** The source an event comes from, or a description when it mixes several. */
  String describeSource(String relation) {
    int s = source[index.id(relation)];
    return s == SEVERAL ? "several sources" : "`" + index.name(s) + "`";
  }
}
