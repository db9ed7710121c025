package calm.analysis.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tarjan must find the components of plain mutual reachability, sinks first, without recursing. */
class StronglyConnectedTest {
  @Test
  void agreesWithMutualReachabilityOnRandomGraphs() {
    Random random = new Random(42);
    for (int round = 0; round < 300; round++) {
      int n = 1 + random.nextInt(12);
      double density = random.nextDouble() * 0.4;
      int[][] predecessors = new int[n][];
      for (int r = 0; r < n; r++) {
        List<Integer> before = new ArrayList<>();
        for (int b = 0; b < n; b++) {
          if (random.nextDouble() < density) {
            before.add(b); // self-loops included: the analysis has them (recursive rules)
          }
        }
        predecessors[r] = before.stream().mapToInt(Integer::intValue).toArray();
      }
      assertEquals(byReachability(n, predecessors), asSets(StronglyConnected.of(n, predecessors)),
          "graph " + Arrays.deepToString(predecessors));
    }
  }

  @Test
  void aCycleBetweenTwoChainsIsOneComponent() {
    // 0 -> 1 -> 2 -> 3 -> 1, 3 -> 4
    int[][] predecessors = {{}, {0, 3}, {1}, {2}, {3}};
    assertEquals(Set.of(Set.of(0), Set.of(1, 2, 3), Set.of(4)), asSets(StronglyConnected.of(5, predecessors)));
  }

  @Test
  void eachComponentComesAfterEveryComponentItReaches() {
    Random random = new Random(7);
    for (int round = 0; round < 300; round++) {
      int n = 1 + random.nextInt(12);
      int[][] successors = new int[n][];
      for (int r = 0; r < n; r++) {
        List<Integer> after = new ArrayList<>();
        for (int b = 0; b < n; b++) {
          if (random.nextDouble() < 0.2) {
            after.add(b);
          }
        }
        successors[r] = after.stream().mapToInt(Integer::intValue).toArray();
      }
      List<int[]> components = StronglyConnected.of(n, successors);
      int[] place = new int[n];
      for (int c = 0; c < components.size(); c++) {
        for (int r : components.get(c)) {
          place[r] = c;
        }
      }
      for (int r = 0; r < n; r++) {
        for (int s : successors[r]) {
          assertTrue(place[s] <= place[r], "edge " + r + " -> " + s + " in " + Arrays.deepToString(successors));
        }
      }
    }
  }

  @Test
  void aChainOfAMillionVerticesNeedsNoDeepStack() {
    int n = 1_000_000;
    int[][] successors = new int[n][];
    for (int r = 0; r < n; r++) {
      successors[r] = r + 1 < n ? new int[] {r + 1} : new int[] {0};
    }
    List<int[]> components = StronglyConnected.of(n, successors);
    assertEquals(1, components.size());
    assertEquals(n, components.get(0).length);
  }

  private static Set<Set<Integer>> asSets(List<int[]> components) {
    Set<Set<Integer>> sets = new HashSet<>();
    for (int[] component : components) {
      Set<Integer> members = new HashSet<>();
      for (int r : component) {
        members.add(r);
      }
      sets.add(members);
    }
    return sets;
  }

  private static Set<Set<Integer>> byReachability(int n, int[][] predecessors) {
    boolean[][] reaches = new boolean[n][n];
    for (int r = 0; r < n; r++) {
      reaches[r][r] = true;
      for (int b : predecessors[r]) {
        reaches[b][r] = true;
      }
    }
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          reaches[i][j] |= reaches[i][k] && reaches[k][j];
        }
      }
    }
    Set<Set<Integer>> components = new HashSet<>();
    for (int i = 0; i < n; i++) {
      Set<Integer> component = new HashSet<>();
      for (int j = 0; j < n; j++) {
        if (reaches[i][j] && reaches[j][i]) {
          component.add(j);
        }
      }
      components.add(component);
    }
    return components;
  }
}
