package calm.analysis.calm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The trimming in front of JGraphT must find the same components as plain mutual reachability. */
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
      assertEquals(byReachability(n, predecessors), asSets(Verdicts.stronglyConnected(n, predecessors)),
          "graph " + Arrays.deepToString(predecessors));
    }
  }

  @Test
  void aCycleBetweenTwoChainsIsOneComponent() {
    // 0 -> 1 -> 2 -> 3 -> 1, 3 -> 4
    int[][] predecessors = {{}, {0, 3}, {1}, {2}, {3}};
    assertEquals(Set.of(Set.of(0), Set.of(1, 2, 3), Set.of(4)), asSets(Verdicts.stronglyConnected(5, predecessors)));
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
