import calm.analysis.Checker;
import calm.eval.CompiledProgram;
import calm.eval.ScenarioParser;
import calm.eval.Scenario;
import calm.eval.explore.ExploreSettings;
import calm.eval.explore.Explorer;
import calm.syntax.SourceFile;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * In-process explorer speed (docs/benchmarks.md, section "explore"): thread CPU time per schedule
 * after warm-up, 1 thread, witnesses off.
 *
 *   java -XX:+UseParallelGC -cp target/calm.jar bench/ExploreHarness.java PROG.calm SCENARIO RUNS ROUNDS
 */
public class ExploreHarness {
  public static void main(String[] a) throws Exception {
    String prog = a[0], scen = a[1];
    int runs = Integer.parseInt(a[2]), rounds = Integer.parseInt(a[3]);
    var outcome = Checker.standard().run(new SourceFile(prog, Files.readString(Path.of(prog))));
    var checked = outcome.checked().get();
    Scenario scenario = new ScenarioParser(CompiledProgram.compile(checked), scen).parse(Files.readString(Path.of(scen)));
    Explorer ex = new Explorer(checked, scenario, ExploreSettings.defaults().withThreads(1));
    var bean = ManagementFactory.getThreadMXBean();
    for (int r = 0; r < rounds; r++) {
      long c0 = bean.getCurrentThreadCpuTime();
      ex.explore(runs, 7 + r, Map.of(), false);
      long c1 = bean.getCurrentThreadCpuTime();
      System.out.printf("round %d: %.1f us/schedule, %.0f schedules/CPU-s%n", r, (c1 - c0) / 1e3 / runs, runs * 1e9 / (c1 - c0));
    }
  }
}
