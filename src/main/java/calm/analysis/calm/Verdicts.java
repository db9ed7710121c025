package calm.analysis.calm;

import calm.analysis.graph.StronglyConnected;
import com.google.common.primitives.ImmutableIntArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The per-output verdicts of §8 The CALM analysis. A point is upstream of an output when the point's head
 * reaches the output in the dependency graph (or is the output).
 *
 * <p>The graph's strongly connected components form a DAG. One pass over it in topological order
 * gives each component the worst status upstream of it, hence every output's verdict. For the
 * number of points upstream of each output and its first lines, a pass the other way gives each
 * component the set of outputs it reaches, a bit per output; with many outputs the bits are made for
 * a batch of outputs at a time, so that they never take more than {@value #BIT_BUDGET} words. The
 * work grows with the size of the DAG times the number of outputs divided by 64, never with the
 * number of (output, point) pairs, which only {@link PointLines} enumerates, and only when asked.
 */
final class Verdicts {
  /** The most 64-bit words of reachability held at once (32 MB). */
  static final int BIT_BUDGET = 1 << 22;

  private Verdicts() {}

  /** {@code heads} holds each point's head relation by number, as {@code index} numbers them. */
  static List<OutputVerdict> of(
      RelationIndex index, List<String> outputs, List<CoordinationPoint> points, int[] heads) {
    return of(index, outputs, points, heads, BIT_BUDGET);
  }

  /** With the bits for reachability limited to {@code bitBudget} words (tests use small ones). */
  static List<OutputVerdict> of(
      RelationIndex index, List<String> outputs, List<CoordinationPoint> points, int bitBudget) {
    int[] heads = new int[points.size()];
    for (int p = 0; p < heads.length; p++) {
      heads[p] = index.id(points.get(p).rule().head().atom().relation().text());
    }
    return of(index, outputs, points, heads, bitBudget);
  }

  private static List<OutputVerdict> of(
      RelationIndex index, List<String> outputs, List<CoordinationPoint> points, int[] heads, int bitBudget) {
    Components components = Components.of(index, pointsByHead(index, heads), points);
    int count = components.count();
    int[] order = components.topologicalOrder();
    Verdict[] worst = components.verdicts.clone();
    for (int c : order) {
      for (int before : components.predecessors[c]) {
        worst[c] = worse(worst[c], worst[before]);
      }
    }
    int[] outputComponent = new int[outputs.size()];
    for (int o = 0; o < outputs.size(); o++) {
      outputComponent[o] = components.of(index.id(outputs.get(o)));
    }
    Upstream upstream = upstream(points, heads, components, outputComponent);
    int[] pointCounts = new int[outputs.size()];
    int[][] firstLines = new int[outputs.size()][];
    Batches batches = new Batches(components, order, upstream);
    int batch = 64 * Math.max(1, bitBudget / Math.max(count, 1));
    for (int from = 0; from < outputs.size(); from += batch) {
      batches.reach(outputComponent, from, Math.min(outputs.size(), from + batch), pointCounts, firstLines);
    }
    List<OutputVerdict> verdicts = new ArrayList<>(outputs.size());
    for (int o = 0; o < outputs.size(); o++) {
      Verdict verdict = worst[outputComponent[o]];
      PointLines lines =
          pointCounts[o] == 0 ? PointLines.NONE : new PointLines(upstream, o, pointCounts[o], firstLines[o]);
      verdicts.add(new OutputVerdict(outputs.get(o), verdict, lines));
    }
    return verdicts;
  }

  /**
   * Reachability for one batch of outputs at a time, over only the components upstream of the batch:
   * with many outputs each downstream of a small part of the program, a batch touches little of it.
   */
  private static final class Batches {
    private final Components components;
    private final int[] topologicalIndex;
    private final Upstream upstream;
    /** For each component, its place among the batch's components, or -1. */
    private final int[] slot;

    Batches(Components components, int[] order, Upstream upstream) {
      this.components = components;
      this.upstream = upstream;
      int count = components.count();
      topologicalIndex = new int[count];
      for (int i = 0; i < order.length; i++) {
        topologicalIndex[order[i]] = i;
      }
      slot = new int[count];
      Arrays.fill(slot, -1);
    }

    /**
     * For outputs {@code from} (inclusive) to {@code to}: which of the components upstream of them
     * reach each (backwards in topological order, a bit per output), then the number of points upstream
     * of each and, in one scan of those points in line order, its first {@link PointLines#FIRST}
     * distinct lines.
     */
    void reach(int[] outputComponent, int from, int to, int[] pointCounts, int[][] firstLines) {
      int[] up = upstreamOf(outputComponent, from, to);
      int words = (to - from + 63) >>> 6;
      long[] reaches = new long[Math.multiplyExact(up.length, words)];
      for (int o = from; o < to; o++) {
        int bit = o - from;
        reaches[slot[outputComponent[o]] * words + (bit >>> 6)] |= 1L << (bit & 63);
      }
      long[] byOrder = new long[up.length];
      for (int i = 0; i < up.length; i++) {
        byOrder[i] = ((long) topologicalIndex[up[i]] << 32) | up[i];
      }
      Arrays.sort(byOrder);
      for (int i = byOrder.length - 1; i >= 0; i--) {
        int c = (int) byOrder[i];
        int at = slot[c] * words;
        for (int before : components.predecessors[c]) {
          int into = slot[before] * words;
          for (int w = 0; w < words; w++) {
            reaches[into + w] |= reaches[at + w];
          }
        }
      }
      int pointsUp = 0;
      for (int c : up) {
        int own = upstream.pointsOf(c).length;
        pointsUp += own;
        for (int w = 0; w < words && own > 0; w++) {
          for (long bits = reaches[slot[c] * words + w]; bits != 0; bits &= bits - 1) {
            pointCounts[from + (w << 6) + Long.numberOfTrailingZeros(bits)] += own;
          }
        }
      }
      int[] places = new int[pointsUp];
      int size = 0;
      for (int c : up) {
        for (int p : upstream.pointsOf(c)) {
          places[size++] = p;
        }
      }
      Arrays.sort(places);
      firstLines(places, reaches, words, from, to, pointCounts, firstLines);
      for (int c : up) {
        slot[c] = -1;
      }
    }

    /** The batch's outputs and every component upstream of them, each given its slot. */
    private int[] upstreamOf(int[] outputComponent, int from, int to) {
      int[] up = new int[16];
      int size = 0;
      for (int o = from; o < to; o++) {
        int c = outputComponent[o];
        if (slot[c] < 0) {
          if (size == up.length) {
            up = Arrays.copyOf(up, size * 2);
          }
          slot[c] = size;
          up[size++] = c;
        }
      }
      for (int i = 0; i < size; i++) {
        for (int before : components.predecessors[up[i]]) {
          if (slot[before] < 0) {
            if (size == up.length) {
              up = Arrays.copyOf(up, size * 2);
            }
            slot[before] = size;
            up[size++] = before;
          }
        }
      }
      return Arrays.copyOf(up, size);
    }

    /** One scan of the points upstream, in line order, until every output has its first lines. */
    private void firstLines(
        int[] places, long[] reaches, int words, int from, int to, int[] pointCounts, int[][] firstLines) {
      long[] needs = new long[words];
      int needing = 0;
      int[][] first = new int[to - from][];
      int[] sizes = new int[to - from];
      for (int o = from; o < to; o++) {
        int bit = o - from;
        first[bit] = new int[Math.min(PointLines.FIRST, pointCounts[o])];
        if (pointCounts[o] > 0) {
          needs[bit >>> 6] |= 1L << (bit & 63);
          needing++;
        }
      }
      for (int i = 0; i < places.length && needing > 0; i++) {
        int p = places[i];
        int at = slot[upstream.componentOfPoint(p)] * words;
        int line = upstream.line(p);
        for (int w = 0; w < words; w++) {
          for (long bits = reaches[at + w] & needs[w]; bits != 0; bits &= bits - 1) {
            int bit = (w << 6) + Long.numberOfTrailingZeros(bits);
            int size = sizes[bit];
            if (size > 0 && first[bit][size - 1] == line) {
              continue;
            }
            first[bit][size] = line;
            sizes[bit] = ++size;
            if (size == first[bit].length) {
              needs[w] &= ~(1L << (bit & 63));
              needing--;
            }
          }
        }
      }
      for (int o = from; o < to; o++) {
        int bit = o - from;
        firstLines[o] = Arrays.copyOf(first[bit], sizes[bit]);
      }
    }
  }

  /** The points in line order with their heads' components, and the component DAG. */
  private static Upstream upstream(
      List<CoordinationPoint> points, int[] heads, Components components, int[] outputComponent) {
    // each point's line asked once and sorted with its place as one long, the place breaking ties
    // as a stable sort would: a sort by a comparator asked the rule's line (three objects away, far
    // apart in a large program) twice a comparison, for half a million points
    long[] byLine = new long[points.size()];
    for (int p = 0; p < byLine.length; p++) {
      byLine[p] = (long) points.get(p).line() << 32 | p;
    }
    Arrays.sort(byLine);
    int[] lines = new int[byLine.length];
    int[] componentOf = new int[byLine.length];
    for (int i = 0; i < byLine.length; i++) {
      lines[i] = (int) (byLine[i] >>> 32);
      componentOf[i] = components.of(heads[(int) byLine[i]]);
    }
    return new Upstream(lines, componentOf, components.predecessors, outputComponent);
  }

  /**
   * The strongly connected components of the dependency graph, each with the worst status of the
   * points it holds: every relation of a cycle has the same points upstream, so the
   * walk from an output visits a large recursive knot once instead of relation by relation.
   */
  private static final class Components {
    final int[] componentOf;
    final Verdict[] verdicts;
    final int[][] predecessors;

    private Components(int[] componentOf, Verdict[] verdicts, int[][] predecessors) {
      this.componentOf = componentOf;
      this.verdicts = verdicts;
      this.predecessors = predecessors;
    }

    int count() {
      return verdicts.length;
    }

    int of(int relation) {
      return componentOf[relation];
    }

    /** Kahn's algorithm on the component DAG: each component after all of its predecessors. */
    int[] topologicalOrder() {
      int n = count();
      int[] waiting = new int[n];
      int[][] successors = successors();
      for (int c = 0; c < n; c++) {
        waiting[c] = predecessors[c].length;
      }
      int[] order = new int[n];
      int size = 0;
      for (int c = 0; c < n; c++) {
        if (waiting[c] == 0) {
          order[size++] = c;
        }
      }
      for (int next = 0; next < size; next++) {
        for (int after : successors[order[next]]) {
          if (--waiting[after] == 0) {
            order[size++] = after;
          }
        }
      }
      return order;
    }

    private int[][] successors() {
      int n = count();
      int[] degree = new int[n];
      for (int c = 0; c < n; c++) {
        for (int before : predecessors[c]) {
          degree[before]++;
        }
      }
      int[][] successors = new int[n][];
      for (int c = 0; c < n; c++) {
        successors[c] = new int[degree[c]];
        degree[c] = 0;
      }
      for (int c = 0; c < n; c++) {
        for (int before : predecessors[c]) {
          successors[before][degree[before]++] = c;
        }
      }
      return successors;
    }

    static Components of(RelationIndex index, int[][] pointsAt, List<CoordinationPoint> points) {
      int n = index.size();
      int[][] relationPredecessors = predecessors(index);
      // the components of the reversed graph are the same as the graph's
      List<int[]> sccs = StronglyConnected.of(n, relationPredecessors);
      int[] componentOf = new int[n];
      for (int c = 0; c < sccs.size(); c++) {
        for (int r : sccs.get(c)) {
          componentOf[r] = c;
        }
      }
      Verdict[] verdicts = new Verdict[sccs.size()];
      int[][] predecessors = new int[sccs.size()][];
      int[] seenFor = new int[sccs.size()];
      Arrays.fill(seenFor, -1);
      for (int c = 0; c < sccs.size(); c++) {
        ImmutableIntArray.Builder before = ImmutableIntArray.builder();
        Verdict verdict = Verdict.CONFLUENT;
        for (int r : sccs.get(c)) {
          for (int p : pointsAt[r]) {
            verdict = worse(verdict, points.get(p).status());
          }
          for (int b : relationPredecessors[r]) {
            int other = componentOf[b];
            if (other != c && seenFor[other] != c) {
              seenFor[other] = c;
              before.add(other);
            }
          }
        }
        verdicts[c] = verdict;
        predecessors[c] = before.build().toArray();
      }
      return new Components(componentOf, verdicts, predecessors);
    }
  }

  private static int[][] pointsByHead(RelationIndex index, int[] heads) {
    ImmutableIntArray.Builder[] lists = new ImmutableIntArray.Builder[index.size()];
    for (int p = 0; p < heads.length; p++) {
      int r = heads[p];
      if (lists[r] == null) {
        lists[r] = ImmutableIntArray.builder(2);
      }
      lists[r].add(p);
    }
    int[][] arrays = new int[lists.length][];
    for (int r = 0; r < lists.length; r++) {
      arrays[r] = lists[r] == null ? new int[0] : lists[r].build().toArray();
    }
    return arrays;
  }

  /** Each relation's distinct predecessors: a relation read by many rules is one edge here. */
  private static int[][] predecessors(RelationIndex index) {
    int[][] arrays = new int[index.size()][];
    int[] seenFor = new int[index.size()];
    Arrays.fill(seenFor, -1);
    for (int r = 0; r < arrays.length; r++) {
      int[] sources = index.sources(r);
      int[] from = new int[sources.length];
      int size = 0;
      for (int before : sources) {
        if (seenFor[before] != r) {
          seenFor[before] = r;
          from[size++] = before;
        }
      }
      arrays[r] = Arrays.copyOf(from, size);
    }
    return arrays;
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
