package calm.analysis;

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
import org.jgrapht.graph.SimpleDirectedGraph;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * Orders the relations so that every same-tick rule reads only completed lower strata through
 * negation and aggregation (§6). Only same-tick edges count: {@code @next}, {@code delete} and
 * {@code @async} take effect in a later tick, so cycles through them are fine.
 */
public final class Stratification {
  private final List<Set<String>> components;
  private final Map<String, Integer> stratumOf;
  private final List<Dependency> badCycle;

  private Stratification(
      List<Set<String>> components, Map<String, Integer> stratumOf, List<Dependency> badCycle) {
    this.components = components;
    this.stratumOf = stratumOf;
    this.badCycle = badCycle;
  }

  public static Stratification of(DependencyGraph dependencies) {
    // SCCs and strata need only which relation reads which in the same tick, and whether some such
    // read is negated or aggregated: one light edge per pair, not one Dependency per rule and atom
    // (a large program has hundreds of thousands of those, and JGraphT looks up non-intrusive edges
    // in a map at every step).
    Graph<String, DefaultEdge> reads = new DefaultDirectedGraph<>(DefaultEdge.class);
    Graph<String, DefaultEdge> readsBelow = new DefaultDirectedGraph<>(DefaultEdge.class);
    dependencies.relations().forEach(reads::addVertex);
    List<Dependency> needLower = new ArrayList<>();
    for (Dependency d : dependencies.dependencies()) {
      if (d.time() != Time.SAME_TICK) {
        continue;
      }
      if (!reads.containsEdge(d.from(), d.to())) {
        reads.addEdge(d.from(), d.to());
      }
      if (d.needsLowerStratum()) {
        needLower.add(d);
        readsBelow.addVertex(d.from());
        readsBelow.addVertex(d.to());
        if (!readsBelow.containsEdge(d.from(), d.to())) {
          readsBelow.addEdge(d.from(), d.to());
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

    Graph<Integer, DefaultEdge> condensation = new SimpleDirectedGraph<>(DefaultEdge.class);
    for (int i = 0; i < sccs.size(); i++) {
      condensation.addVertex(i);
    }
    for (DefaultEdge e : reads.edgeSet()) {
      int from = componentOf.get(reads.getEdgeSource(e));
      int to = componentOf.get(reads.getEdgeTarget(e));
      if (from != to && !condensation.containsEdge(from, to)) {
        condensation.addEdge(from, to);
      }
    }
    List<Set<String>> ordered = new ArrayList<>();
    Map<String, Integer> stratumOf = new HashMap<>();
    int[] stratumOfComponent = new int[sccs.size()];
    var topo = new TopologicalOrderIterator<>(condensation);
    while (topo.hasNext()) {
      int component = topo.next();
      int stratum = 0;
      for (String r : sccs.get(component)) {
        for (DefaultEdge e : reads.incomingEdgesOf(r)) {
          String source = reads.getEdgeSource(e);
          int from = componentOf.get(source);
          if (from != component) {
            boolean below = readsBelow.containsVertex(r) && readsBelow.containsEdge(source, r);
            stratum = Math.max(stratum, stratumOfComponent[from] + (below ? 1 : 0));
          }
        }
      }
      stratumOfComponent[component] = stratum;
      ordered.add(sccs.get(component));
      for (String r : sccs.get(component)) {
        stratumOf.put(r, stratum);
      }
    }
    return new Stratification(ordered, stratumOf, badCycle);
  }

  /** Strongly connected components of the same-tick graph, each after everything it reads. */
  public List<Set<String>> components() {
    return components;
  }

  /** The stratum number of a relation: 0 for base relations, higher above negation and aggregation. */
  public int stratumOf(String relation) {
    return stratumOf.getOrDefault(relation, 0);
  }

  public int strataCount() {
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
        List<Dependency> back = shortestPathWithin(dependencies.asGraph(), componentOf, d.to(), d.from());
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
      Graph<String, Dependency> graph, Map<String, Integer> componentOf, String from, String to) {
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
      for (Dependency d : graph.outgoingEdgesOf(r)) {
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
