package calm.analysis.calm;

import calm.analysis.Dependency;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleDirectedGraph;

/**
 * The per-output verdicts of §8. A point is upstream of an output when the point's head reaches the
 * output in the dependency graph (or is the output).
 *
 * <p>Each output walks the graph of strongly connected components backwards once, marking what it has
 * seen with its own number, so no per-relation sets are built and a recursive knot is crossed in one
 * step; the answer (every output's point lines) is never copied along the way.
 */
final class Verdicts {
  private Verdicts() {}

  static List<OutputVerdict> of(RelationIndex index, List<String> outputs, List<CoordinationPoint> points) {
    Components components = Components.of(index, pointsByHead(index, points), points);
    int[] seenBy = new int[components.count()];
    Arrays.fill(seenBy, -1);
    int[] stack = new int[components.count()];
    List<OutputVerdict> verdicts = new ArrayList<>();
    // lines as bits: sorted and distinct for free, and reused from one output to the next
    BitSet lines = new BitSet();
    for (int o = 0; o < outputs.size(); o++) {
      Verdict verdict = Verdict.CONFLUENT;
      int start = components.of(index.id(outputs.get(o)));
      int depth = 0;
      stack[depth++] = start;
      seenBy[start] = o;
      while (depth > 0) {
        int c = stack[--depth];
        for (int line : components.lines[c]) {
          lines.set(line);
        }
        verdict = worse(verdict, components.verdicts[c]);
        for (int before : components.predecessors[c]) {
          if (seenBy[before] != o) {
            seenBy[before] = o;
            stack[depth++] = before;
          }
        }
      }
      List<Integer> sorted = new ArrayList<>(lines.cardinality());
      for (int line = lines.nextSetBit(0); line >= 0; line = lines.nextSetBit(line + 1)) {
        sorted.add(line);
      }
      lines.clear();
      verdicts.add(new OutputVerdict(outputs.get(o), verdict, sorted));
    }
    return verdicts;
  }

  /**
   * The strongly connected components of the dependency graph, each with the lines and the worst
   * status of the points it holds: every relation of a cycle has the same points upstream, so the
   * walk from an output visits a large recursive knot once instead of relation by relation.
   */
  private static final class Components {
    final int[] componentOf;
    final int[][] lines;
    final Verdict[] verdicts;
    final int[][] predecessors;

    private Components(int[] componentOf, int[][] lines, Verdict[] verdicts, int[][] predecessors) {
      this.componentOf = componentOf;
      this.lines = lines;
      this.verdicts = verdicts;
      this.predecessors = predecessors;
    }

    int count() {
      return lines.length;
    }

    int of(int relation) {
      return componentOf[relation];
    }

    static Components of(RelationIndex index, int[][] pointsAt, List<CoordinationPoint> points) {
      int n = index.size();
      int[][] relationPredecessors = predecessors(index);
      Graph<Integer, DefaultEdge> graph = new SimpleDirectedGraph<>(null, DefaultEdge::new, false);
      for (int r = 0; r < n; r++) {
        graph.addVertex(r);
      }
      for (int r = 0; r < n; r++) {
        for (int before : relationPredecessors[r]) {
          if (before != r) {
            graph.addEdge(before, r);
          }
        }
      }
      List<Set<Integer>> sccs = new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets();
      int[] componentOf = new int[n];
      for (int c = 0; c < sccs.size(); c++) {
        for (int r : sccs.get(c)) {
          componentOf[r] = c;
        }
      }
      int[][] lines = new int[sccs.size()][];
      Verdict[] verdicts = new Verdict[sccs.size()];
      int[][] predecessors = new int[sccs.size()][];
      for (int c = 0; c < sccs.size(); c++) {
        IntArrayList own = new IntArrayList();
        Verdict verdict = Verdict.CONFLUENT;
        Set<Integer> before = new LinkedHashSet<>();
        for (int r : sccs.get(c)) {
          for (int p : pointsAt[r]) {
            own.add(points.get(p).at().line());
            verdict = worse(verdict, points.get(p).status());
          }
          for (int b : relationPredecessors[r]) {
            if (componentOf[b] != c) {
              before.add(componentOf[b]);
            }
          }
        }
        lines[c] = own.toArray();
        verdicts[c] = verdict;
        predecessors[c] = before.stream().mapToInt(Integer::intValue).toArray();
      }
      return new Components(componentOf, lines, verdicts, predecessors);
    }
  }

  private static int[][] pointsByHead(RelationIndex index, List<CoordinationPoint> points) {
    IntArrayList[] lists = new IntArrayList[index.size()];
    for (int p = 0; p < points.size(); p++) {
      int r = index.id(points.get(p).rule().head().atom().relation().text());
      if (lists[r] == null) {
        lists[r] = new IntArrayList();
      }
      lists[r].add(p);
    }
    int[][] arrays = new int[lists.length][];
    for (int r = 0; r < lists.length; r++) {
      arrays[r] = lists[r] == null ? new int[0] : lists[r].toArray();
    }
    return arrays;
  }

  private static int[][] predecessors(RelationIndex index) {
    int[][] arrays = new int[index.size()][];
    for (int r = 0; r < arrays.length; r++) {
      Dependency[] incoming = index.incoming(r);
      int[] from = new int[incoming.length];
      for (int i = 0; i < incoming.length; i++) {
        from[i] = index.id(incoming[i].from());
      }
      arrays[r] = from;
    }
    return arrays;
  }

  /** A growable list of ints. */
  private static final class IntArrayList {
    private int[] items = new int[4];
    private int size;

    void add(int value) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = value;
    }

    int[] toArray() {
      return Arrays.copyOf(items, size);
    }
  }

  private static Verdict worse(Verdict sofar, PointStatus status) {
    return worse(
        sofar,
        switch (status) {
          case SEALED -> Verdict.SEALED;
          case ACKNOWLEDGED -> Verdict.COORDINATED;
          case UNACKNOWLEDGED -> Verdict.NEEDS_COORDINATION;
        });
  }

  private static Verdict worse(Verdict sofar, Verdict other) {
    return other.ordinal() > sofar.ordinal() ? other : sofar;
  }
}
