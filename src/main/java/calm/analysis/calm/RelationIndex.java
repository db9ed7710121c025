package calm.analysis.calm;

import calm.analysis.Dependency;
import calm.analysis.DependencyGraph;
import calm.syntax.Declaration;
import calm.syntax.RelationKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The edges of the {@link DependencyGraph} of §8 with the
 * relations numbered in declaration order, so that the analysis' passes index arrays instead of hashing
 * names and edges at every step: on a 100,000-rule program that is most of their cost.
 */
final class RelationIndex {
  private static final Dependency[] NO_EDGES = new Dependency[0];

  private final Map<String, Integer> ids = new HashMap<>();
  private final String[] names;
  private final RelationKind[] kinds;
  private final Dependency[][] out;
  private final Dependency[][] in;
  private final int[][] targets;
  private final int[][] sources;

  private RelationIndex(DependencyGraph graph) {
    List<Declaration> declarations = new ArrayList<>(graph.schema().declarations());
    int n = declarations.size();
    names = new String[n];
    kinds = new RelationKind[n];
    for (int i = 0; i < n; i++) {
      names[i] = declarations.get(i).name().text();
      kinds[i] = declarations.get(i).kind();
      ids.put(names[i], i);
    }
    List<List<Dependency>> outgoing = new ArrayList<>(n);
    List<List<Dependency>> incoming = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      outgoing.add(null);
      incoming.add(null);
    }
    // the graph keeps its edges in the order the rules made them, so paths do not depend on hashing
    for (Dependency d : graph.dependencies()) {
      add(outgoing, ids.get(d.from()), d);
      add(incoming, ids.get(d.to()), d);
    }
    out = freeze(outgoing);
    in = freeze(incoming);
    targets = new int[n][];
    sources = new int[n][];
    for (int r = 0; r < n; r++) {
      targets[r] = new int[out[r].length];
      for (int i = 0; i < out[r].length; i++) {
        targets[r][i] = ids.get(out[r][i].to());
      }
      sources[r] = new int[in[r].length];
      for (int i = 0; i < in[r].length; i++) {
        sources[r][i] = ids.get(in[r][i].from());
      }
    }
  }

  static RelationIndex of(DependencyGraph graph) {
    return new RelationIndex(graph);
  }

  private static void add(List<List<Dependency>> lists, int at, Dependency d) {
    List<Dependency> list = lists.get(at);
    if (list == null) {
      list = new ArrayList<>(2);
      lists.set(at, list);
    }
    list.add(d);
  }

  private static Dependency[][] freeze(List<List<Dependency>> lists) {
    Dependency[][] arrays = new Dependency[lists.size()][];
    for (int i = 0; i < arrays.length; i++) {
      List<Dependency> list = lists.get(i);
      arrays[i] = list == null ? NO_EDGES : list.toArray(NO_EDGES);
    }
    return arrays;
  }

  int size() {
    return names.length;
  }

  /** The number of a declared relation, or -1. */
  int id(String relation) {
    Integer id = ids.get(relation);
    return id == null ? -1 : id;
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
