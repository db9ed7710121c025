package calm.analysis.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * Orders the relations so that every same-tick rule reads only completed lower strata through
 * negation and aggregation (§6). Only same-tick edges count: {@code @next}, {@code delete} and
 * {@code @async} take effect in a later tick, so cycles through them are fine.
 */
public final class Stratification {
  private final Graph<String, Read> reads;
  private final List<Set<String>> sccs;
  private final Map<String, Integer> componentOf;
  private final List<Dependency> badCycle;
  private List<Set<String>> components;
  private Map<String, Integer> stratumOf;

  private Stratification(
      Graph<String, Read> reads,
      List<Set<String>> sccs,
      Map<String, Integer> componentOf,
      List<Dependency> badCycle) {
    this.reads = reads;
    this.sccs = sccs;
    this.componentOf = componentOf;
    this.badCycle = badCycle;
  }

  /** A same-tick read of one relation by another's rule; {@code below} when negated or aggregated. */
  static final class Read extends DefaultEdge {
    private static final long serialVersionUID = 1L;
    final boolean below;

    Read(boolean below) {
      this.below = below;
    }
  }

  /**
   * Finds the strongly connected components of the same-tick graph and any unstratifiable cycle; the
   * strata themselves are computed on first use (a check needs only the cycle). The same-tick graph
   * has light intrusive edges and no pair index: a large program has hundreds of thousands of edges,
   * and JGraphT's defaults (a map lookup per non-intrusive edge, a map entry per vertex pair) made it
   * the slowest part of checking.
   */
  public static Stratification of(DependencyGraph dependencies) {
    Graph<String, Read> reads = new LightGraph<>();
    dependencies.relations().forEach(reads::addVertex);
    List<Dependency> needLower = new ArrayList<>();
    for (Dependency d : dependencies.dependencies()) {
      if (d.time() == Time.SAME_TICK) {
        reads.addEdge(d.from(), d.to(), new Read(d.needsLowerStratum()));
        if (d.needsLowerStratum()) {
          needLower.add(d);
        }
      }
    }
    List<Set<String>> sccs = new KosarajuStrongConnectivityInspector<>(reads).stronglyConnectedSets();
    Map<String, Integer> componentOf = new HashMap<>();
    for (int i = 0; i < sccs.size(); i++) {
      for (String r : sccs.get(i)) {
        componentOf.put(r, i);
      }
    }
    List<Dependency> badCycle = findNegativeCycle(dependencies, needLower, componentOf);
    return new Stratification(reads, sccs, componentOf, badCycle);
  }

  private void computeStrata() {
    List<Set<String>> ordered = topologicalOrder();
    Map<String, Integer> strata = new HashMap<>();
    for (Set<String> component : ordered) {
      int stratum = 0;
      for (String r : component) {
        for (Read e : reads.incomingEdgesOf(r)) {
          String source = reads.getEdgeSource(e);
          if (!component.contains(source)) {
            stratum = Math.max(stratum, strata.get(source) + (e.below ? 1 : 0));
          }
        }
      }
      for (String r : component) {
        strata.put(r, stratum);
      }
    }
    components = ordered;
    stratumOf = strata;
  }

  /**
   * Kosaraju finds the components of a graph in topological order (sources first); that is checked
   * here rather than assumed, and a condensation is sorted only if it does not hold.
   */
  private List<Set<String>> topologicalOrder() {
    boolean ordered = true;
    for (Read e : reads.edgeSet()) {
      if (componentOf.get(reads.getEdgeSource(e)) > componentOf.get(reads.getEdgeTarget(e))) {
        ordered = false;
        break;
      }
    }
    if (ordered) {
      return sccs;
    }
    Graph<Integer, DefaultEdge> condensation = new DefaultDirectedGraph<>(DefaultEdge.class);
    for (int i = 0; i < sccs.size(); i++) {
      condensation.addVertex(i);
    }
    for (Read e : reads.edgeSet()) {
      int from = componentOf.get(reads.getEdgeSource(e));
      int to = componentOf.get(reads.getEdgeTarget(e));
      if (from != to && !condensation.containsEdge(from, to)) {
        condensation.addEdge(from, to);
      }
    }
    List<Set<String>> result = new ArrayList<>();
    new TopologicalOrderIterator<>(condensation).forEachRemaining(i -> result.add(sccs.get(i)));
    return result;
  }

  /** Strongly connected components of the same-tick graph, each after everything it reads. */
  public List<Set<String>> components() {
    if (components == null) {
      computeStrata();
    }
    return components;
  }

  /** The stratum number of a relation: 0 for base relations, higher above negation and aggregation. */
  public int stratumOf(String relation) {
    if (stratumOf == null) {
      computeStrata();
    }
    return stratumOf.getOrDefault(relation, 0);
  }

  public int strataCount() {
    if (stratumOf == null) {
      computeStrata();
    }
    return stratumOf.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
  }

  /** A same-tick cycle through negation or aggregation, as its edges in order, if there is one. */
  public Optional<List<Dependency>> unstratifiableCycle() {
    return badCycle.isEmpty() ? Optional.empty() : Optional.of(badCycle);
  }

  private static List<Dependency> findNegativeCycle(
      DependencyGraph dependencies, List<Dependency> needLower, Map<String, Integer> componentOf) {
    for (Dependency d : needLower) {
      if (componentOf.get(d.from()).equals(componentOf.get(d.to()))) {
        List<Dependency> back = shortestPathWithin(dependencies, componentOf, d.to(), d.from());
        List<Dependency> cycle = new ArrayList<>();
        cycle.add(d);
        cycle.addAll(back);
        return cycle;
      }
    }
    return List.of();
  }

  /** Breadth-first, so that the cycle shown is a shortest one. */
  private static List<Dependency> shortestPathWithin(
      DependencyGraph graph, Map<String, Integer> componentOf, String from, String to) {
    Map<String, Dependency> reachedBy = new HashMap<>();
    java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>();
    queue.add(from);
    reachedBy.put(from, null);
    int component = componentOf.get(from);
    while (!queue.isEmpty()) {
      String r = queue.poll();
      if (r.equals(to)) {
        break;
      }
      for (Dependency d : graph.outgoing(r)) {
        if (d.time() == Time.SAME_TICK
            && componentOf.get(d.to()) == component && !reachedBy.containsKey(d.to())) {
          reachedBy.put(d.to(), d);
          queue.add(d.to());
        }
      }
    }
    List<Dependency> path = new ArrayList<>();
    for (String r = to; !r.equals(from); ) {
      Dependency d = reachedBy.get(r);
      path.add(0, d);
      r = d.from();
    }
    return path;
  }
}
