package calm.analysis.calm;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * What lies upstream of each output, shared by all of an analysis' {@link PointLines}: the points in
 * line order with their components, the component DAG (each component's predecessors and its own
 * points), and each output's component. An output's full list of point lines is found by one
 * walk back from its component, and only when asked (JSON lists them; text shows the first few,
 * which {@link Verdicts} finds for every output at once).
 */
final class Upstream {
  private final int[] lines;
  private final int[] componentOfPoint;
  private final int[][] predecessors;
  /** For each component, its own points' places in line order. */
  private final int[][] pointsOf;
  private final int[] outputComponent;
  /** Per component: the number of the walk that last reached it. Guarded by this. */
  private final int[] seenBy;
  private int walks;

  /**
   * @param lines the points' lines, in increasing order
   * @param componentOfPoint for each point (in the same order), its component
   * @param predecessors for each component, the components it reads from
   * @param outputComponent for each output, its component
   */
  Upstream(int[] lines, int[] componentOfPoint, int[][] predecessors, int[] outputComponent) {
    this.lines = lines;
    this.componentOfPoint = componentOfPoint;
    this.predecessors = predecessors;
    this.outputComponent = outputComponent;
    int[] sizes = new int[predecessors.length];
    for (int c : componentOfPoint) {
      sizes[c]++;
    }
    pointsOf = new int[predecessors.length][];
    for (int c = 0; c < pointsOf.length; c++) {
      pointsOf[c] = new int[sizes[c]];
      sizes[c] = 0;
    }
    for (int p = 0; p < componentOfPoint.length; p++) {
      int c = componentOfPoint[p];
      pointsOf[c][sizes[c]++] = p;
    }
    this.seenBy = new int[predecessors.length];
    Arrays.fill(seenBy, -1);
  }

  /** One output (number 0) with the given points upstream, all in its own component. */
  static Upstream fixed(int[] lines) {
    int[] sorted = lines.clone();
    Arrays.sort(sorted);
    return new Upstream(sorted, new int[sorted.length], new int[][] {{}}, new int[] {0});
  }

  int pointCount() {
    return lines.length;
  }

  /** The line of the {@code p}th point in line order. */
  int line(int p) {
    return lines[p];
  }

  /** The component of the {@code p}th point in line order. */
  int componentOfPoint(int p) {
    return componentOfPoint[p];
  }

  /** The places, in line order, of the points in component {@code c}. Do not modify. */
  int[] pointsOf(int c) {
    return pointsOf[c];
  }

  /**
   * Each distinct line of the points upstream of {@code output}, in increasing order, up to
   * {@code limit} of them; {@code pointCount} is how many points that output has upstream.
   */
  synchronized void forEachLine(int output, int pointCount, int limit, IntConsumer action) {
    int walk = walks++;
    int[] stack = new int[16];
    int depth = 0;
    int start = outputComponent[output];
    seenBy[start] = walk;
    stack[depth++] = start;
    int[] collected = sparse(pointCount) ? new int[pointCount] : null;
    int size = 0;
    while (depth > 0) {
      int c = stack[--depth];
      if (collected != null) {
        for (int p : pointsOf[c]) {
          collected[size++] = lines[p];
        }
      }
      for (int before : predecessors[c]) {
        if (seenBy[before] != walk) {
          seenBy[before] = walk;
          if (depth == stack.length) {
            stack = Arrays.copyOf(stack, depth * 2);
          }
          stack[depth++] = before;
        }
      }
    }
    int last = Integer.MIN_VALUE;
    int given = 0;
    if (collected != null) {
      Arrays.sort(collected, 0, size);
      for (int i = 0; i < size && given < limit; i++) {
        if (collected[i] != last) {
          last = collected[i];
          action.accept(last);
          given++;
        }
      }
      return;
    }
    for (int p = 0; p < lines.length && given < limit; p++) {
      if (seenBy[componentOfPoint[p]] == walk && lines[p] != last) {
        last = lines[p];
        action.accept(last);
        given++;
      }
    }
  }

  /** Few points upstream: sort those rather than scan all of the program's points. */
  private boolean sparse(int pointCount) {
    return pointCount * 16L < lines.length;
  }
}
