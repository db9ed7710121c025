package calm.analysis.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The strongly connected components of a graph, by Tarjan's algorithm: the one implementation that
 * the strata (§6 Semantics), the verdicts (§8 The CALM analysis: verdicts) and the interpreter's
 * components use.
 *
 * <p>The depth-first search keeps its own stack of (vertex, next edge) in arrays instead of recursing:
 * a generated program of a million rules is a chain as deep as that, far beyond a thread's stack. The
 * graph is a plain array of successor lists over vertices {@code 0..n-1}, so that nothing is boxed
 * or hashed on a large program.
 */
public final class StronglyConnected {
  private StronglyConnected() {}

  /**
   * The components, each as its vertices in ascending order, in reverse topological order: a
   * component comes after every component that its vertices reach (sinks first). Self-loops and
   * repeated edges are allowed.
   */
  public static List<int[]> of(int n, int[][] successors) {
    int[] index = new int[n];
    int[] low = new int[n];
    Arrays.fill(index, -1);
    boolean[] onStack = new boolean[n];
    int[] stack = new int[n];
    int stackSize = 0;
    int[] callVertex = new int[n];
    int[] callEdge = new int[n];
    int visited = 0;
    List<int[]> components = new ArrayList<>();
    for (int root = 0; root < n; root++) {
      if (index[root] >= 0) {
        continue;
      }
      int depth = 0;
      index[root] = low[root] = visited++;
      stack[stackSize++] = root;
      onStack[root] = true;
      callVertex[depth] = root;
      callEdge[depth++] = 0;
      while (depth > 0) {
        int v = callVertex[depth - 1];
        int[] out = successors[v];
        if (callEdge[depth - 1] < out.length) {
          int w = out[callEdge[depth - 1]++];
          if (index[w] < 0) {
            index[w] = low[w] = visited++;
            stack[stackSize++] = w;
            onStack[w] = true;
            callVertex[depth] = w;
            callEdge[depth++] = 0;
          } else if (onStack[w] && index[w] < low[v]) {
            low[v] = index[w];
          }
          continue;
        }
        depth--;
        if (low[v] == index[v]) {
          int start = stackSize;
          do {
            onStack[stack[--start]] = false;
          } while (stack[start] != v);
          int[] component = Arrays.copyOfRange(stack, start, stackSize);
          if (component.length > 1) {
            Arrays.sort(component);
          }
          components.add(component);
          stackSize = start;
        }
        if (depth > 0) {
          int parent = callVertex[depth - 1];
          if (low[v] < low[parent]) {
            low[parent] = low[v];
          }
        }
      }
    }
    return components;
  }
}
