package calm.analysis.graph;

import com.google.common.collect.Maps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders the relations so that every same-tick rule reads only completed lower strata through
 * negation and aggregation (§6 Semantics). Only same-tick edges count: {@code @next}, {@code delete} and
 * {@code @async} take effect in a later tick, so cycles through them are fine.
 *
 * <p>Relations are numbered as the dependency graph numbers them (their place among the
 * declarations), and the same-tick graph is a pair of int arrays: a large program has hundreds of
 * thousands of edges, and a graph library's maps per edge made this the slowest part of checking.
 */
public final class Stratification {
  private final List<String> names;
  /** Per relation, the same-tick edges into it: the relations read, and whether each is below. */
  private final int[][] readFrom;
  private final boolean[][] readBelow;
  /** The components, each after everything it reads. */
  private final List<int[]> ordered;
  private final Map<String, Integer> componentOf;
  private final List<List<Dependency>> badCycles;
  private List<Set<String>> components;
  private int strataCount;
  private Map<String, Integer> stratumOf;

  private Stratification(
      List<String> names,
      int[][] readFrom,
      boolean[][] readBelow,
      List<int[]> ordered,
      Map<String, Integer> componentOf,
      List<List<Dependency>> badCycles) {
    this.names = names;
    this.readFrom = readFrom;
    this.readBelow = readBelow;
    this.ordered = ordered;
    this.componentOf = componentOf;
    this.badCycles = badCycles;
  }

  /**
   * Finds the strongly connected components of the same-tick graph and the unstratifiable cycles; the
   * strata themselves are computed on first use (a check needs only the cycles).
   */
  public static Stratification of(DependencyGraph dependencies) {
    List<String> names = dependencies.ids().names();
    int n = names.size();
    int[] outDegree = new int[n];
    int[] inDegree = new int[n];
    List<Dependency> edges = dependencies.dependencies();
    List<Dependency> needLower = new ArrayList<>();
    for (int e = 0; e < edges.size(); e++) {
      Dependency d = edges.get(e);
      if (d.time() == Time.SAME_TICK) {
        outDegree[dependencies.fromId(e)]++;
        inDegree[dependencies.toId(e)]++;
        if (d.needsLowerStratum()) {
          needLower.add(d);
        }
      }
    }
    int[][] successors = new int[n][];
    int[][] readFrom = new int[n][];
    boolean[][] readBelow = new boolean[n][];
    for (int r = 0; r < n; r++) {
      successors[r] = new int[outDegree[r]];
      readFrom[r] = new int[inDegree[r]];
      readBelow[r] = new boolean[inDegree[r]];
      outDegree[r] = 0;
      inDegree[r] = 0;
    }
    for (int e = 0; e < edges.size(); e++) {
      Dependency d = edges.get(e);
      if (d.time() == Time.SAME_TICK) {
        int from = dependencies.fromId(e);
        int to = dependencies.toId(e);
        successors[from][outDegree[from]++] = to;
        readBelow[to][inDegree[to]] = d.needsLowerStratum();
        readFrom[to][inDegree[to]++] = from;
      }
    }
    // Tarjan gives sinks first; the strata and the interpreter want sources first
    List<int[]> ordered = new ArrayList<>(StronglyConnected.of(n, successors));
    Collections.reverse(ordered);
    Map<String, Integer> componentOf = new HashMap<>();
    for (int c = 0; c < ordered.size(); c++) {
      for (int r : ordered.get(c)) {
        componentOf.put(names.get(r), c);
      }
    }
    List<List<Dependency>> badCycles = findNegativeCycles(dependencies, needLower, componentOf);
    return new Stratification(names, readFrom, readBelow, ordered, componentOf, badCycles);
  }

  private void computeStrata() {
    int[] strata = new int[names.size()];
    int[] component = new int[names.size()];
    for (int c = 0; c < ordered.size(); c++) {
      for (int r : ordered.get(c)) {
        component[r] = c;
      }
    }
    List<Set<String>> sets = new ArrayList<>(ordered.size());
    Map<String, Integer> byName = Maps.newHashMapWithExpectedSize(names.size());
    for (int c = 0; c < ordered.size(); c++) {
      int stratum = 0;
      for (int r : ordered.get(c)) {
        for (int i = 0; i < readFrom[r].length; i++) {
          int source = readFrom[r][i];
          if (component[source] != c) {
            stratum = Math.max(stratum, strata[source] + (readBelow[r][i] ? 1 : 0));
          }
        }
      }
      int[] inComponent = ordered.get(c);
      for (int r : inComponent) {
        strata[r] = stratum;
        byName.put(names.get(r), stratum);
      }
      sets.add(members(inComponent));
    }
    int highest = -1;
    for (int stratum : strata) {
      highest = Math.max(highest, stratum);
    }
    strataCount = highest + 1;
    components = Collections.unmodifiableList(sets);
    stratumOf = byName;
  }

  /**
   * A component's names in order. Most components are one relation, and a program of 100,000 rules
   * has some 110,000 of them: a set of one is one small object, not a linked hash set's four.
   */
  private Set<String> members(int[] component) {
    if (component.length == 1) {
      return Set.of(names.get(component[0]));
    }
    Set<String> members = new LinkedHashSet<>();
    for (int r : component) {
      members.add(names.get(r));
    }
    return Collections.unmodifiableSet(members);
  }

  /** Strongly connected components of the same-tick graph, each after everything it reads. */
  public List<Set<String>> components() {
    if (components == null) {
      computeStrata();
    }
    return components;
  }

  /** The place in {@link #components()} of the component that holds {@code relation}, or -1. */
  public int componentOf(String relation) {
    Integer c = componentOf.get(relation);
    return c == null ? -1 : c;
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
    return strataCount;
  }

  /**
   * One same-tick cycle through negation, aggregation or a snapshot for each strongly connected
   * component that has such an edge, each as its edges in order: independent cycles are independent
   * errors, and the spec reports every error of a file (§8 The CALM analysis). A component's cycle
   * starts at its first such edge in rule order, and the cycles come in the order of those edges.
   */
  public List<List<Dependency>> unstratifiableCycles() {
    return badCycles;
  }

  private static List<List<Dependency>> findNegativeCycles(
      DependencyGraph dependencies, List<Dependency> needLower, Map<String, Integer> componentOf) {
    List<List<Dependency>> cycles = new ArrayList<>();
    Set<Integer> reported = new java.util.HashSet<>();
    for (Dependency d : needLower) {
      int component = componentOf.get(d.from());
      if (component == componentOf.get(d.to()) && reported.add(component)) {
        List<Dependency> back = shortestPathWithin(dependencies, componentOf, d.to(), d.from());
        List<Dependency> cycle = new ArrayList<>();
        cycle.add(d);
        cycle.addAll(back);
        cycles.add(Collections.unmodifiableList(cycle));
      }
    }
    return Collections.unmodifiableList(cycles);
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
