package calm.analysis.calm;

import calm.analysis.Dependency;
import calm.analysis.DependencyGraph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;

/**
 * The per-output verdicts of §8. A point is upstream of an output when the point's head reaches the
 * output in the dependency graph (or is the output).
 *
 * <p>The sets of upstream points are built once, component by component in topological order, each
 * from its predecessors' sets; a component that adds nothing shares its predecessor's set instead of
 * copying it, so long chains without points cost nothing extra.
 */
final class Verdicts {
  private Verdicts() {}

  static List<OutputVerdict> of(
      DependencyGraph graph, List<String> outputs, List<CoordinationPoint> points) {
    List<Set<String>> components =
        new KosarajuStrongConnectivityInspector<>(graph.asGraph()).stronglyConnectedSets();
    Map<String, Integer> componentOf = new HashMap<>();
    for (int i = 0; i < components.size(); i++) {
      for (String r : components.get(i)) {
        componentOf.put(r, i);
      }
    }
    int n = components.size();
    List<List<Integer>> own = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      own.add(new ArrayList<>());
    }
    for (int p = 0; p < points.size(); p++) {
      String head = points.get(p).rule().head().atom().relation().text();
      own.get(componentOf.get(head)).add(p);
    }
    // Kahn's order over the condensation: every component after all that feed it.
    int[] waiting = new int[n];
    List<List<Integer>> successors = new ArrayList<>();
    List<List<Integer>> predecessors = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      successors.add(new ArrayList<>());
      predecessors.add(new ArrayList<>());
    }
    for (Dependency d : graph.dependencies()) {
      int from = componentOf.get(d.from());
      int to = componentOf.get(d.to());
      if (from != to) {
        successors.get(from).add(to);
        predecessors.get(to).add(from);
        waiting[to]++;
      }
    }
    int[][] upstream = new int[n][];
    ArrayDeque<Integer> ready = new ArrayDeque<>();
    for (int i = 0; i < n; i++) {
      if (waiting[i] == 0) {
        ready.add(i);
      }
    }
    int[] none = new int[0];
    while (!ready.isEmpty()) {
      int c = ready.poll();
      int[] set = own.get(c).isEmpty() ? none : own.get(c).stream().mapToInt(Integer::intValue).sorted().toArray();
      for (int p : predecessors.get(c)) {
        set = union(set, upstream[p]);
      }
      upstream[c] = set;
      for (int s : successors.get(c)) {
        if (--waiting[s] == 0) {
          ready.add(s);
        }
      }
    }
    List<OutputVerdict> verdicts = new ArrayList<>();
    for (String output : outputs) {
      int[] set = upstream[componentOf.get(output)];
      Verdict verdict = Verdict.CONFLUENT;
      TreeSet<Integer> lines = new TreeSet<>();
      for (int p : set) {
        CoordinationPoint point = points.get(p);
        lines.add(point.at().line());
        verdict = worse(verdict, point.status());
      }
      verdicts.add(new OutputVerdict(output, verdict, new ArrayList<>(lines)));
    }
    return verdicts;
  }

  private static Verdict worse(Verdict sofar, PointStatus status) {
    Verdict v =
        switch (status) {
          case SEALED -> Verdict.SEALED;
          case ACKNOWLEDGED -> Verdict.COORDINATED;
          case UNACKNOWLEDGED -> Verdict.NEEDS_COORDINATION;
        };
    return v.ordinal() > sofar.ordinal() ? v : sofar;
  }

  /** The union of two sorted sets, sharing an operand when the other adds nothing. */
  private static int[] union(int[] a, int[] b) {
    if (b.length == 0 || a == b) {
      return a;
    }
    if (a.length == 0) {
      return b;
    }
    int[] out = new int[a.length + b.length];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < a.length || j < b.length) {
      int next;
      if (j >= b.length || (i < a.length && a[i] < b[j])) {
        next = a[i++];
      } else if (i >= a.length || b[j] < a[i]) {
        next = b[j++];
      } else {
        next = a[i++];
        j++;
      }
      out[k++] = next;
    }
    if (k == a.length) {
      return a; // b added nothing
    }
    if (k == b.length) {
      return b;
    }
    return Arrays.copyOf(out, k);
  }
}
