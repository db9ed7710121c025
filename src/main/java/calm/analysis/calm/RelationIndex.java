package calm.analysis.calm;

import calm.analysis.graph.Dependency;
import calm.analysis.graph.DependencyGraph;
import calm.analysis.graph.RelationIds;
import calm.syntax.RelationKind;
import java.util.Arrays;
import java.util.List;

/**
 * The edges of the {@link DependencyGraph} of §8 The CALM analysis with the
 * relations numbered in declaration order, so that the analysis' passes index arrays instead of hashing
 * names and edges at every step: on a 100,000-rule program that is most of their cost.
 */
final class RelationIndex {
  private static final Dependency[] NO_EDGES = new Dependency[0];

  private final RelationIds ids;
  private final String[] names;
  private final RelationKind[] kinds;
  private final Dependency[][] out;
  private final Dependency[][] in;
  private final int[][] targets;
  private final int[][] sources;

  private RelationIndex(DependencyGraph graph) {
    ids = graph.ids();
    int n = ids.size();
    names = new String[n];
    kinds = new RelationKind[n];
    for (int i = 0; i < n; i++) {
      names[i] = ids.name(i);
      kinds[i] = ids.declaration(i).kind();
    }
    // the graph keeps its edges in the order the rules made them, so paths do not depend on hashing;
    // it also numbers their ends as the declarations are numbered here. Each relation's edges are
    // counted first, then placed, in that order.
    List<Dependency> edges = graph.dependencies();
    int[] outCount = new int[n];
    int[] inCount = new int[n];
    for (int e = 0; e < edges.size(); e++) {
      outCount[graph.fromId(e)]++;
      inCount[graph.toId(e)]++;
    }
    out = new Dependency[n][];
    in = new Dependency[n][];
    targets = new int[n][];
    sources = new int[n][];
    for (int r = 0; r < n; r++) {
      out[r] = outCount[r] == 0 ? NO_EDGES : new Dependency[outCount[r]];
      in[r] = inCount[r] == 0 ? NO_EDGES : new Dependency[inCount[r]];
      targets[r] = new int[outCount[r]];
      sources[r] = new int[inCount[r]];
    }
    Arrays.fill(outCount, 0);
    Arrays.fill(inCount, 0);
    for (int e = 0; e < edges.size(); e++) {
      int from = graph.fromId(e);
      int to = graph.toId(e);
      out[from][outCount[from]] = edges.get(e);
      targets[from][outCount[from]++] = to;
      in[to][inCount[to]] = edges.get(e);
      sources[to][inCount[to]++] = from;
    }
  }

  static RelationIndex of(DependencyGraph graph) {
    return new RelationIndex(graph);
  }

  int size() {
    return names.length;
  }

  /** The number of a declared relation, or -1. */
  int id(String relation) {
    return ids.id(relation);
  }

  /** The numbers of each rule's atoms, by the rule's place in the program. */
  RelationIds ids() {
    return ids;
  }

  String name(int id) {
    return names[id];
  }

  RelationKind kind(int id) {
    return kinds[id];
  }

  /** The edges out of a relation: the rules that read it. Do not modify. */
  Dependency[] outgoing(int id) {
    return out[id];
  }

  /** The relations {@link #outgoing(int)}'s edges lead to, in the same order. Do not modify. */
  int[] targets(int id) {
    return targets[id];
  }

  /** The relations {@link #incoming(int)}'s edges come from, in the same order. Do not modify. */
  int[] sources(int id) {
    return sources[id];
  }

  /** The edges into a relation: what it is derived from. Do not modify. */
  Dependency[] incoming(int id) {
    return in[id];
  }

  Dependency[] outgoing(String relation) {
    int id = id(relation);
    return id < 0 ? NO_EDGES : out[id];
  }
}
