package calm.eval.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.analysis.CheckedProgram;
import calm.analysis.Checker;
import calm.eval.CompiledProgram;
import calm.eval.Relation;
import calm.eval.Run;
import calm.eval.RunError;
import calm.eval.RunLimits;
import calm.eval.RunObserver;
import calm.eval.Scenario;
import calm.eval.ScenarioParser;
import calm.eval.World;
import calm.syntax.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Without seals, a schedule's arrivals come from per-tick lists filled when each envelope is placed;
 * the oracle is the walk over every pending envelope at every tick that seals still need. Both must
 * deliver the same envelopes at the same ticks in the same order, whatever the delays, duplicates and
 * gaps in the traffic, on slots reused from run to run.
 */
class ScheduledDeliveryTest {
  /** Nothing is pending for a few ticks before the timer's message is sent: placement after a gap. */
  private static final String TIMER = """
      input go(n: int).
      channel msg(@to: string, n: int).
      scratch step(n: int).
      output table got(n: int).
      go(1). go(2).
      step(1) :- go(1).
      step(N + 1)@next :- step(N), N < 5.
      msg("local", N)@async :- step(N), N = 5.
      msg("local", N)@async :- go(N).
      got(N) :- msg(_, N).
      """;

  @Test
  void perTickListsDeliverWhatTheWalkDelivers() throws Exception {
    List<String[]> programs = new ArrayList<>(); // {name, program text, scenario text or null}
    programs.add(new String[] {"timer", TIMER, null});
    programs.add(new String[] {"carts", Files.readString(Path.of("examples/16-bloom-carts/destructive.calm")),
        Files.readString(Path.of("bench/carts-3-nodes-20-actions.scenario"))});
    try (Stream<Path> files = Files.walk(Path.of("examples"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".calm")).sorted().toList()) {
        Path scenario = Path.of(file.toString().replace(".calm", ".scenario"));
        programs.add(new String[] {file.toString(), Files.readString(file),
            Files.exists(scenario) ? Files.readString(scenario) : null});
      }
    }
    int compared = 0;
    int withArrivals = 0;
    for (String[] p : programs) {
      var checked = Checker.standard().run(new SourceFile(p[0], p[1])).checked();
      if (checked.isEmpty()) {
        continue;
      }
      CheckedProgram program = checked.get();
      CompiledProgram compiled = CompiledProgram.compile(program);
      Scenario scenario = p[2] == null ? Scenario.standalone()
          : new ScenarioParser(compiled, p[0] + ".scenario").parse(p[2]);
      World world = World.of(compiled, scenario, Map.of());
      int inputs = Math.max(1, Worker.inputsToPlace(program.program(), scenario));
      ScheduledDelivery.Slots reused = new ScheduledDelivery.Slots();
      for (int maxDelay : new int[] {1, 3, 7}) {
        for (int i = 0; i < 12; i++) {
          RandomSchedule schedule = new RandomSchedule(Seeds.runSeed(maxDelay, i), maxDelay, inputs);
          String byTick = run(compiled, world,
              new ScheduledDelivery(schedule, true, SealOrder.NONE, reused, true, true));
          String walked = run(compiled, world,
              new ScheduledDelivery(schedule, true, SealOrder.NONE, new ScheduledDelivery.Slots(), true, false));
          assertEquals(walked, byTick, p[0] + ", max delay " + maxDelay + ", schedule " + i);
          compared++;
          if (byTick.contains("arrived")) {
            withArrivals++;
          }
        }
      }
    }
    assertTrue(compared > 1000, "only " + compared + " runs compared");
    assertTrue(withArrivals > compared / 2, "only " + withArrivals + " of " + compared + " runs delivered anything");
  }

  /** Every arrival (tick, key, duplicate or not), the ticks run and the final state, or the error. */
  private static String run(CompiledProgram program, World world, ScheduledDelivery delivery) {
    Run run = new Run(program, world, RunLimits.defaults(), delivery, RunObserver.NONE);
    StringBuilder out = new StringBuilder();
    try {
      run.rest();
    } catch (RunError e) {
      out.append("error: ").append(e.getMessage()).append('\n');
    }
    for (ScheduledDelivery.Arrival a : delivery.arrivals()) {
      out.append("arrived at ").append(a.tick()).append(": ").append(a.envelope().sequence()).append(' ')
          .append(a.key()).append(a.duplicate() ? " again" : "").append('\n');
    }
    out.append("ticks ").append(run.tick()).append('\n');
    for (String node : run.nodes()) {
      for (Relation r : program.relations()) {
        for (Object[] row : run.contents(node, r.name())) {
          out.append(node).append(' ').append(r.name()).append(Arrays.toString(row)).append('\n');
        }
      }
    }
    return out.toString();
  }
}
