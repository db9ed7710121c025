package calm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs on reused node states end exactly where runs on new ones do. */
class NodeStatesTest {
  @Test
  void reusedStatesGiveTheSameRunsAsNewOnes() throws Exception {
    int compared = 0;
    for (Map.Entry<Path, CompiledProgram> example : Checked.examples().entrySet()) {
      Path file = example.getKey();
      CompiledProgram program = example.getValue();
      World world = World.of(program, Scenario.standalone(), Map.of());
      NodeStates states = new NodeStates();
      String fresh = null;
      for (int round = 0; round < 3; round++) {
        String reused = finalState(new Run(program, world, RunLimits.defaults(), new NextTickDelivery(), RunObserver.NONE, states), program);
        states.runEnded(true);
        if (fresh == null) {
          fresh = finalState(new Run(program, world), program);
        }
        assertEquals(fresh, reused, file + ", run " + round + " on reused states");
      }
      compared++;
    }
    assertTrue(compared > 20, "only " + compared + " examples ran");
  }

  private static String finalState(Run run, CompiledProgram program) {
    try {
      run.rest();
    } catch (RunError e) {
      return "error: " + e.getMessage();
    }
    List<String> lines = new ArrayList<>();
    for (String node : run.nodes()) {
      for (Relation r : program.relations()) {
        for (Object[] row : run.contents(node, r.name())) {
          lines.add(node + " " + r.name() + " " + java.util.Arrays.toString(row));
        }
      }
    }
    return String.join("\n", lines);
  }
}
