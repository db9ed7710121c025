package calm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The engine as the explorer uses it: compile once, run many times under chosen schedules. */
class EngineApiTest {
  static CompiledProgram compile(String text) {
    return Checked.compile("test.calm", text);
  }

  private static final String RACE = """
      input vote(who: string).
      channel ballot(@to: string, who: string).
      table votes(who: string).
      scratch tally_now(n: int).
      output table first(n: int).
      ballot("server", W)@async :- vote(W).
      votes(W) :- ballot(_, W).
      tally_now(count(W)) :- votes(W).
      first(N) :- tally_now(N).
      delete first(N) :- first(N), tally_now(M), M > N.
      """;

  private static Scenario twoNodes() {
    Scenario s = Scenario.empty().addNode("client").addNode("server");
    s.addInput("client", new GroundFact("vote", List.of("ann")), Scenario.ANY_TICK);
    s.addInput("client", new GroundFact("vote", List.of("bob")), Scenario.ANY_TICK);
    return s;
  }

  @Test
  void defaultScheduleDeliversEveryMessageOnTheNextTick() {
    CompiledProgram program = compile(RACE);
    World world = World.of(program, twoNodes(), Map.of());
    OutputHistory history = new OutputHistory();
    Run run = new Run(program, world, RunLimits.defaults(), new NextTickDelivery(), history);
    run.runToQuiescence();
    // both ballots arrive together at tick 2: the server only ever sees a tally of 2
    assertEquals(Set.of(List.of(2L)), history.observed("server", "first"));
    assertEquals(List.of(List.of(2L)), history.last("server", "first"));
  }

  /** Holds the second message back one tick: the observer then sees 1 before 2. */
  @Test
  void aCustomPolicyChangesWhatIsObservedButTheEngineStaysDeterministic() {
    CompiledProgram program = compile(RACE);
    World world = World.of(program, twoNodes(), Map.of());
    DeliveryPolicy staggered = (tick, pending) -> {
      List<Delivery> now = new ArrayList<>();
      for (Envelope e : pending) {
        boolean late = !e.input() && e.fact(program.strings()).values().get(1).equals("bob");
        int due = e.input() ? 1 : e.sentTick() + (late ? 2 : 1);
        if (tick >= due) {
          now.add(Delivery.once(e));
        }
      }
      return now;
    };
    for (int i = 0; i < 3; i++) { // compiled once, run many times from the same world
      OutputHistory history = new OutputHistory();
      new Run(program, world, RunLimits.defaults(), staggered, history).runToQuiescence();
      assertEquals(Set.of(List.of(1L), List.of(2L)), history.observed("server", "first"));
      assertEquals(List.of(List.of(2L)), history.last("server", "first"));
    }
  }

  @Test
  void duplicateDeliveryKeepsAMessageInFlightUntilThePolicyLetsGo() {
    CompiledProgram program = compile("""
        input go(n: int).
        channel m(@to: string, n: int).
        output table arrivals(n: int, tick: int).
        table clock(t: int).
        clock(1).
        clock(T + 1)@next :- clock(T), T < 10.
        delete clock(T) :- clock(T), T < 10.
        m("local", N)@async :- go(N).
        arrivals(N, T) :- m(_, N), clock(T).
        """);
    World world = World.of(program, Scenario.standalone(), Map.of());
    DeliveryPolicy twice = (tick, pending) -> {
      List<Delivery> now = new ArrayList<>();
      for (Envelope e : pending) {
        if (e.input()) {
          now.add(Delivery.once(e));
        } else if (tick == e.sentTick() + 1) {
          now.add(new Delivery(e, true)); // delivered and kept: it will come again
        } else if (tick == e.sentTick() + 3) {
          now.add(Delivery.once(e));
        }
      }
      return now;
    };
    world = World.of(program, Scenario.standalone().addInput("local", new GroundFact("go", List.of(7L)), 1), Map.of());
    Run run = new Run(program, world, RunLimits.defaults(), twice, RunObserver.NONE);
    run.runToQuiescence();
    List<List<Object>> got = new ArrayList<>();
    run.contents("local", "arrivals").forEach(f -> got.add(List.of(f)));
    assertEquals(List.of(List.of(7L, 2L), List.of(7L, 4L)), got);
  }

  @Test
  void aPolicyThatNeverDeliversHitsTheTickBound() {
    CompiledProgram program = compile(RACE);
    World world = World.of(program, twoNodes(), Map.of());
    Run run = new Run(program, world, new RunLimits(50, 1000), (tick, pending) -> List.of(), RunObserver.NONE);
    RunError e = assertThrows(RunError.class, run::runToQuiescence);
    assertTrue(e.getMessage().contains("50 ticks") && e.getMessage().contains("vote"), e.getMessage());
  }

  @Test
  void inputEventsArriveAtTheirTickAndOnlyAtTheirNode() {
    CompiledProgram program = compile("""
        input ev(n: int).
        table clock(t: int).
        output table seen(n: int, t: int).
        clock(1).
        clock(T + 1)@next :- clock(T), T < 5.
        delete clock(T) :- clock(T), T < 5.
        seen(N, T) :- ev(N), clock(T).
        """);
    Scenario s = Scenario.empty().addNode("a").addNode("b");
    s.addInput("b", new GroundFact("ev", List.of(1L)), 3);
    Run run = new Run(program, World.of(program, s, Map.of()));
    run.runToQuiescence();
    assertEquals(0, run.contents("a", "seen").size());
    assertEquals(List.of(1L, 3L), List.of(run.contents("b", "seen").get(0)));
  }

  @Test
  void worldRejectsUnknownNodesAndRelations() {
    CompiledProgram program = compile(RACE);
    Scenario bad = Scenario.standalone().addInput("nowhere", new GroundFact("vote", List.of("x")), 1);
    assertThrows(IllegalArgumentException.class, () -> World.of(program, bad, Map.of()));
    Scenario worse = Scenario.standalone().addFact("local", new GroundFact("nothing", List.of()));
    assertThrows(IllegalArgumentException.class, () -> World.of(program, worse, Map.of()));
  }
}
