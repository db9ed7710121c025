package calm.eval.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExplorerTest {
  /** Bloom's disorderly cart: the checkout races the actions it sums. */
  static final String DISORDERLY = """
      input client_action(session: string, reqid: int, item: string, delta: int).
      input client_checkout(session: string).
      channel action_msg(@server: string, session: string, reqid: int, item: string, delta: int).
      channel checkout_msg(@server: string, session: string).
      table server(addr: string).
      table action_log(session: string, reqid: int, item: string, delta: int).
      scratch item_sum(session: string, item: string, qty: int).
      output table client_response(session: string, item: string, qty: int).
      server("local").
      client_action("s1", 1, "milk", 2).
      client_action("s1", 2, "eggs", 12).
      client_action("s1", 3, "milk", -1).
      client_checkout("s1").
      action_msg(A, S, R, I, D)@async :- client_action(S, R, I, D), server(A).
      checkout_msg(A, S)@async :- client_checkout(S), server(A).
      action_log(S, R, I, D) :- action_msg(_, S, R, I, D).
      item_sum(S, I, sum(D)) :- action_log(S, R, I, D), checkout_msg(_, S).
      client_response(S, I, N) :- item_sum(S, I, N), N > 0.
      """;

  /** A union of messages: monotone, so every schedule ends the same. */
  static final String UNION = """
      input add(x: int).
      channel msg(@to: string, x: int).
      output table all(x: int).
      add(1). add(2). add(3). add(4).
      msg("local", X)@async :- add(X).
      all(X) :- msg(_, X).
      """;

  @Test
  void theSameSeedGivesTheSameExplorationWhateverTheThreadCount() {
    Explore p = Explore.of(DISORDERLY);
    Exploration one = p.explore(300, 7, 1);
    Exploration two = p.explore(300, 7, 2);
    Exploration again = p.explore(300, 7, 2);
    assertEquals(one, two);
    assertEquals(two, again);
    OutputFinding o = Explore.output(one, "client_response");
    assertTrue(o.finalOutcomes() > 1, o::toString);
    assertTrue(o.witness().isPresent());
  }

  @Test
  void anotherSeedGivesOtherSchedules() {
    Explore p = Explore.of(DISORDERLY);
    Witness a = Explore.output(p.explore(200, 1, 2), "client_response").witness().orElseThrow();
    Witness b = Explore.output(p.explore(200, 2, 2), "client_response").witness().orElseThrow();
    assertNotEquals(a.a().seed(), b.a().seed());
  }

  @Test
  void runSeedsDependOnTheSeedAndTheRunNumberOnly() {
    assertEquals(Seeds.runSeed(7, 12), Seeds.runSeed(7, 12));
    assertNotEquals(Seeds.runSeed(7, 12), Seeds.runSeed(7, 13));
    assertNotEquals(Seeds.runSeed(7, 12), Seeds.runSeed(8, 12));
    assertEquals(Seeds.runSeed(7, 12), Seeds.parse(Seeds.format(Seeds.runSeed(7, 12))));
  }

  @Test
  void replayingAWitnessReproducesItsOutcomes() {
    Explore p = Explore.of(DISORDERLY);
    Explorer explorer = p.explorer(2);
    Witness w = Explore.output(explorer.explore(300, 7, p.verdicts), "client_response").witness().orElseThrow();
    for (ScheduleSide side : List.of(w.a(), w.b())) {
      Replay r = p.explorer(1).replay(side.replay());
      Replay.ReplayedOutput out = r.outputs().stream()
          .filter(o -> o.relation().equals("client_response")).findFirst().orElseThrow();
      assertEquals(side.outcome(), out.finals(), side.replay());
      assertEquals(side.timeline().stream().map(TimelineTick::tick).toList().isEmpty(), r.timeline().isEmpty());
    }
    assertNotEquals(w.a().outcome(), w.b().outcome());
  }

  @Test
  void replayingARunSeedGivesThatRunAgain() {
    Explore p = Explore.of(DISORDERLY);
    String seed = Seeds.format(Seeds.runSeed(7, 5));
    Replay first = p.explorer(1).replay(seed);
    Replay second = p.explorer(2).replay(seed);
    assertEquals(first, second);
    assertEquals(seed, first.token());
  }

  @Test
  void aMonotoneProgramHasOneOutcomeInEveryRun() {
    Exploration e = Explore.of(UNION).explore(300, 3, 2);
    OutputFinding all = Explore.output(e, "all");
    assertEquals(1, all.observedOutcomes());
    assertEquals(1, all.finalOutcomes());
    assertFalse(all.differs());
    assertTrue(all.witness().isEmpty());
    assertEquals(300, e.completedRuns());
  }

  @Test
  void schedulesReallyReorder() {
    // the order in which the four messages first arrive differs between runs
    Explorer explorer = Explore.of(UNION).explorer(1);
    java.util.Set<List<String>> orders = new java.util.HashSet<>();
    for (int i = 0; i < 50; i++) {
      Replay r = explorer.replay(Seeds.format(Seeds.runSeed(1, i)));
      orders.add(r.timeline().stream().flatMap(t -> t.events().stream())
          .filter(ev -> ev.kind() == TimelineEvent.Kind.MESSAGE).map(TimelineEvent::fact).toList());
    }
    assertTrue(orders.size() > 5, () -> "only " + orders.size() + " message orders in 50 runs");
  }

  @Test
  void aRunThatDoesNotEndIsAnErrorNotAHang() {
    String counter = """
        input start().
        table n(x: int).
        output table seen(x: int).
        start().
        n(0) :- start().
        n(X + 1)@next :- n(X).
        seen(X) :- n(X).
        """;
    Explore p = Explore.of(counter);
    Exploration e = new Explorer(p.program, p.scenario, new ExploreSettings(50, 1_000_000, 3, 2))
        .explore(100, 1, p.verdicts);
    assertTrue(e.failure().isPresent());
    assertEquals(0, e.failure().get().run());
    assertTrue(e.failure().get().message().contains("no quiescence after 50 ticks"), e.failure().get().message());
  }
}
