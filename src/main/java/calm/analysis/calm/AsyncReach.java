package calm.analysis.calm;

import calm.analysis.graph.Dependency;
import calm.analysis.graph.Time;
import calm.syntax.RelationKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Which relations a source of asynchrony reaches (§8 The CALM analysis), each with one shortest path from a
 * source.
 *
 * <p>One breadth-first search from every source at once, so the whole program costs one pass. Inputs
 * are searched first and channels only after: a path then starts where the outside world comes in and
 * passes through the channels on its way (client_action → action_msg → action_log), which is where a
 * reader looks for the cause; a channel starts a path only when no input reaches it.
 */
final class AsyncReach {
  private final RelationIndex index;
  /** The edge that first reached a relation; null for a source that starts a path, or not reached. */
  private final Dependency[] reachedBy;
  /** The relation {@code reachedBy}'s edge comes from, by number: paths are walked without names. */
  private final int[] previous;
  /** The order of discovery, -1 when not reached: smaller means a shorter (and input-rooted) path. */
  private final int[] rank;
  /** The last {@code @async} edge on the path to a relation, or null when there is none. */
  private final AsyncEdge[] lastAsync;
  private int discovered;

  private AsyncReach(RelationIndex index) {
    this.index = index;
    int n = index.size();
    reachedBy = new Dependency[n];
    previous = new int[n];
    rank = new int[n];
    Arrays.fill(rank, -1);
    lastAsync = new AsyncEdge[n];
  }

  static AsyncReach of(RelationIndex index) {
    AsyncReach reach = new AsyncReach(index);
    reach.search(RelationKind.INPUT);
    reach.search(RelationKind.CHANNEL);
    return reach;
  }

  private void search(RelationKind sources) {
    int[] queue = new int[index.size()];
    int head = 0;
    int tail = 0;
    for (int r = 0; r < index.size(); r++) {
      if (index.kind(r) == sources && rank[r] < 0) {
        rank[r] = discovered++;
        queue[tail++] = r;
      }
    }
    while (head < tail) {
      int r = queue[head++];
      Dependency[] edges = index.outgoing(r);
      int[] targets = index.targets(r);
      for (int i = 0; i < edges.length; i++) {
        Dependency d = edges[i];
        int next = targets[i];
        if (rank[next] < 0) {
          rank[next] = discovered++;
          reachedBy[next] = d;
          previous[next] = r;
          lastAsync[next] = d.time() == Time.ASYNC ? new AsyncEdge(d.from(), d.to()) : lastAsync[r];
          queue[tail++] = next;
        }
      }
    }
  }

  /** Whether a source of asynchrony reaches the relation (a source reaches itself). */
  boolean isAsynchronous(String relation) {
    return isAsynchronous(index.id(relation));
  }

  /** As {@link #isAsynchronous(String)}, for a relation's number (or {@code -1}, undeclared). */
  boolean isAsynchronous(int id) {
    return id >= 0 && rank[id] >= 0;
  }

  /** Smaller for relations closer to a source; only for asynchronous relations. */
  int rank(String relation) {
    return rank[index.id(relation)];
  }

  /** The edges of the path from its source to an asynchronous relation, in order. */
  List<Dependency> pathTo(String relation) {
    List<Dependency> edges = new ArrayList<>();
    for (int r = index.id(relation); reachedBy[r] != null; r = previous[r]) {
      edges.add(reachedBy[r]);
    }
    Collections.reverse(edges);
    return edges;
  }

  /** The source the path to an asynchronous relation starts from. */
  String sourceOf(String relation) {
    int r = index.id(relation);
    while (reachedBy[r] != null) {
      r = previous[r];
    }
    return index.name(r);
  }

  /** The last {@code @async} edge into a channel on the path to the relation, if there is one. */
  AsyncEdge lastAsyncEdge(String relation) {
    return lastAsync[index.id(relation)];
  }
}
