package calm.analysis.calm;

import calm.analysis.Dependency;
import calm.analysis.DependencyGraph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The per-output verdicts of §8. A point is upstream of an output when the point's head reaches the
 * output in the dependency graph (or is the output).
 *
 * <p>The sets of upstream points flow forward from the points' heads only, so the part of the program
 * that no point reaches costs nothing. A set moves on only when it grows, and a relation whose
 * predecessors add nothing new shares their set instead of copying it; a program whose points sit on
 * independent paths is therefore linear.
 */
final class Verdicts {
  private static final int[] NONE = new int[0];

  private Verdicts() {}

  static List<OutputVerdict> of(
      DependencyGraph graph, List<String> outputs, List<CoordinationPoint> points) {
    Map<String, int[]> upstream = new HashMap<>();
    ArrayDeque<String> work = new ArrayDeque<>();
    Set<String> queued = new HashSet<>();
    for (int p = 0; p < points.size(); p++) {
      String head = points.get(p).rule().head().atom().relation().text();
      upstream.put(head, union(upstream.getOrDefault(head, NONE), new int[] {p}));
      if (queued.add(head)) {
        work.add(head);
      }
    }
    while (!work.isEmpty()) {
      String relation = work.poll();
      queued.remove(relation);
      int[] set = upstream.get(relation);
      for (Dependency d : graph.outgoing(relation)) {
        int[] old = upstream.getOrDefault(d.to(), NONE);
        int[] grown = union(old, set);
        if (grown != old) {
          upstream.put(d.to(), grown);
          if (queued.add(d.to())) {
            work.add(d.to());
          }
        }
      }
    }
    List<OutputVerdict> verdicts = new ArrayList<>();
    for (String output : outputs) {
      Verdict verdict = Verdict.CONFLUENT;
      TreeSet<Integer> lines = new TreeSet<>();
      for (int p : upstream.getOrDefault(output, NONE)) {
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

  /** The union of two sorted sets; returns {@code a} itself when {@code b} adds nothing to it. */
  static int[] union(int[] a, int[] b) {
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
      if (j >= b.length || (i < a.length && a[i] < b[j])) {
        out[k++] = a[i++];
      } else if (i >= a.length || b[j] < a[i]) {
        out[k++] = b[j++];
      } else {
        out[k++] = a[i++];
        j++;
      }
    }
    if (k == a.length) {
      return a;
    }
    if (k == b.length) {
      return b;
    }
    return Arrays.copyOf(out, k);
  }
}
