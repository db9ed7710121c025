package calm.analysis.calm;

import calm.analysis.Dependency;
import calm.analysis.DependencyGraph;
import calm.analysis.Time;
import calm.syntax.Declaration;
import calm.syntax.RelationKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which relations a source of asynchrony reaches (§8), each with one shortest path from a source.
 *
 * <p>One breadth-first search from every source at once, so the whole program costs one pass. Inputs
 * are searched first and channels only after: a path then starts where the outside world comes in and
 * passes through the channels on its way (client_action → action_msg → action_log), which is where a
 * reader looks for the cause; a channel starts a path only when no input reaches it.
 */
final class AsyncReach {
  /** The edge that first reached a relation; the value is null for a source that starts a path. */
  private final Map<String, Dependency> reachedBy = new HashMap<>();
  /** The order of discovery: smaller means a shorter path (and an input-rooted one first). */
  private final Map<String, Integer> rank = new HashMap<>();
  /** The last {@code @async} edge on the path to a relation, or null when there is none. */
  private final Map<String, AsyncEdge> lastAsync = new HashMap<>();

  private AsyncReach() {}

  static AsyncReach of(DependencyGraph graph) {
    AsyncReach reach = new AsyncReach();
    reach.search(graph, RelationKind.INPUT);
    reach.search(graph, RelationKind.CHANNEL);
    return reach;
  }

  private void search(DependencyGraph graph, RelationKind sources) {
    ArrayDeque<String> queue = new ArrayDeque<>();
    for (Declaration declaration : graph.schema().declarations()) {
      String name = declaration.name().text();
      if (declaration.kind() == sources && !reachedBy.containsKey(name)) {
        rank.put(name, reachedBy.size());
        reachedBy.put(name, null);
        lastAsync.put(name, null);
        queue.add(name);
      }
    }
    while (!queue.isEmpty()) {
      String relation = queue.poll();
      for (Dependency d : graph.outgoing(relation)) {
        String next = d.to();
        if (!reachedBy.containsKey(next)) {
          rank.put(next, reachedBy.size());
          reachedBy.put(next, d);
          lastAsync.put(next, d.time() == Time.ASYNC ? new AsyncEdge(relation, next) : lastAsync.get(relation));
          queue.add(next);
        }
      }
    }
  }

  /** Whether a source of asynchrony reaches the relation (a source reaches itself). */
  boolean isAsynchronous(String relation) {
    return reachedBy.containsKey(relation);
  }

  /** Smaller for relations closer to a source; only for asynchronous relations. */
  int rank(String relation) {
    return rank.get(relation);
  }

  /** The edges of the path from its source to an asynchronous relation, in order. */
  List<Dependency> pathTo(String relation) {
    List<Dependency> edges = new ArrayList<>();
    for (Dependency d = reachedBy.get(relation); d != null; d = reachedBy.get(d.from())) {
      edges.add(d);
    }
    java.util.Collections.reverse(edges);
    return edges;
  }

  /** The source the path to an asynchronous relation starts from. */
  String sourceOf(String relation) {
    String r = relation;
    for (Dependency d = reachedBy.get(r); d != null; d = reachedBy.get(r)) {
      r = d.from();
    }
    return r;
  }

  /** The last {@code @async} edge into a channel on the path to the relation, if there is one. */
  AsyncEdge lastAsyncEdge(String relation) {
    return lastAsync.get(relation);
  }
}
