package calm.analysis.calm;

import calm.analysis.Dependency;
import calm.analysis.DependencyGraph;
import calm.syntax.Declaration;
import calm.syntax.RelationKind;
import java.util.ArrayList;
import java.util.Arrays;
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
    // the graph keeps its edges in the order the rules made them, so paths do not depend on hashing;
    // it also numbers their ends as the declarations are numbered here
    List<Dependency> edges = graph.dependencies();
    IntList[] targetLists = new IntList[n];
    IntList[] sourceLists = new IntList[n];
    for (int e = 0; e < edges.size(); e++) {
      int from = graph.fromId(e);
      int to = graph.toId(e);
      add(outgoing, from, edges.get(e));
      add(incoming, to, edges.get(e));
      targetLists[from] = IntList.add(targetLists[from], to);
      sourceLists[to] = IntList.add(sourceLists[to], from);
    }
    out = freeze(outgoing);
    in = freeze(incoming);
    targets = new int[n][];
    sources = new int[n][];
    for (int r = 0; r < n; r++) {
      targets[r] = IntList.toArray(targetLists[r]);
      sources[r] = IntList.toArray(sourceLists[r]);
    }
  }

  /** A growable list of ints; null is the empty list. */
  private static final class IntList {
    private int[] items = new int[2];
    private int size;

    static IntList add(IntList list, int value) {
      IntList to = list == null ? new IntList() : list;
      if (to.size == to.items.length) {
        to.items = Arrays.copyOf(to.items, to.size * 2);
      }
      to.items[to.size++] = value;
      return to;
    }

    static int[] toArray(IntList list) {
      return list == null ? new int[0] : Arrays.copyOf(list.items, list.size);
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
