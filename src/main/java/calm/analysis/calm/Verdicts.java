package calm.analysis.calm;

import calm.analysis.Dependency;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

  static List<OutputVerdict> of(RelationIndex index, List<String> outputs, List<CoordinationPoint> points) {
    int n = index.size();
    int[][] upstream = new int[n][];
    int[] queue = new int[n];
    boolean[] queued = new boolean[n];
    int head = 0;
    int size = 0;
    for (int p = 0; p < points.size(); p++) {
      int r = index.id(points.get(p).rule().head().atom().relation().text());
      upstream[r] = union(upstream[r] == null ? NONE : upstream[r], new int[] {p});
      if (!queued[r]) {
        queued[r] = true;
        queue[(head + size++) % n] = r;
      }
    }
    // a ring buffer: each relation is queued at most once at a time
    while (size > 0) {
      int r = queue[head];
      head = (head + 1) % n;
      size--;
      queued[r] = false;
      int[] set = upstream[r];
      for (Dependency d : index.outgoing(r)) {
        int next = index.id(d.to());
        int[] old = upstream[next] == null ? NONE : upstream[next];
        int[] grown = union(old, set);
        if (grown != old) {
          upstream[next] = grown;
          if (!queued[next]) {
            queued[next] = true;
            queue[(head + size++) % n] = next;
          }
        }
      }
    }
    List<OutputVerdict> verdicts = new ArrayList<>();
    for (String output : outputs) {
      Verdict verdict = Verdict.CONFLUENT;
      TreeSet<Integer> lines = new TreeSet<>();
      int id = index.id(output);
      for (int p : upstream[id] == null ? NONE : upstream[id]) {
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
