package calm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The explorer skips a node's output facts after a tick when {@link Run#factsVersion} did not move:
 * so whenever it is the same as after an earlier tick, the facts must be the same too, for every
 * relation kind (tables that grow, lose rows to {@code delete}, take {@code @update}s and raise
 * lattice values; scratch and channels that empty every tick).
 */
class FactsVersionTest {
  @Test
  void anUnchangedVersionMeansUnchangedFacts() throws Exception {
    int[] unchanged = {0};
    int[] changed = {0};
    int programs = 0;
    for (Map.Entry<Path, CompiledProgram> example : Checked.examples().entrySet()) {
      Path file = example.getKey();
      CompiledProgram program = example.getValue();
      World world = World.of(program, Scenario.standalone(), Map.of());
      int relations = program.relations().size();
      RunObserver observer = new RunObserver() {
        long[][] versions;
        String[][] facts;

        @Override
        public void afterFixpoint(Run run, int tick) {
          if (versions == null) {
            versions = new long[run.nodeCount()][relations];
            facts = new String[run.nodeCount()][relations];
            for (long[] v : versions) {
              Arrays.fill(v, -1);
            }
          }
          for (int n = 0; n < run.nodeCount(); n++) {
            for (Relation r : program.relations()) {
              List<String> rows = new ArrayList<>();
              run.forEachFact(n, r.id(), f -> rows.add(Arrays.toString(f)));
              String now = String.join(" ", rows);
              long version = run.factsVersion(n, r.id());
              if (version == versions[n][r.id()]) {
                assertEquals(facts[n][r.id()], now, file + ": " + r.name() + " at node " + n + ", tick " + tick);
                unchanged[0]++;
              } else {
                changed[0]++;
              }
              versions[n][r.id()] = version;
              facts[n][r.id()] = now;
            }
          }
        }
      };
      try {
        new Run(program, world, RunLimits.defaults(), new NextTickDelivery(), observer).rest();
      } catch (RunError e) {
        // a run that stops is compared up to where it stopped
      }
      programs++;
    }
    assertTrue(programs > 20, "only " + programs + " examples ran");
    assertTrue(unchanged[0] > 100 && changed[0] > 100, unchanged[0] + " unchanged, " + changed[0] + " changed");
  }
}
