package calm.eval.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShrinkerTest {
  /**
   * {@code won} holds when {@code a} arrives before {@code b}; eight noise events do nothing that
   * matters. Every divergent pair of schedules differs in many arrival ticks, yet only b's matters.
   */
  static final String RACE = """
      input noise(n: int).
      input a().
      input b().
      table log(n: int).
      table got_b().
      output table won().
      noise(1). noise(2). noise(3). noise(4). noise(5). noise(6). noise(7). noise(8).
      a(). b().
      log(N) :- noise(N).
      got_b() :- b().
      won() :- a(), not got_b().
      """;

  @Test
  void aDivergentProgramShrinksToTheOneDeliveryThatMatters() {
    Explore p = Explore.of(RACE);
    Exploration e = p.explore(200, 11, 2);
    OutputFinding won = Explore.output(e, "won");
    assertEquals(2, won.finalOutcomes());
    Witness w = won.witness().orElseThrow();
    assertEquals(OutcomeKind.FINAL, w.kind());
    assertEquals(1, w.differences().size(), () -> w.differences().toString());
    DeliveryDifference d = w.differences().get(0);
    assertEquals("b()", d.fact());
    assertEquals("input at local", d.route());

    // the side where 'won' holds is the one where b arrives late; the other is the prompt schedule
    ScheduleSide winner = w.a().outcome().facts().isEmpty() ? w.b() : w.a();
    ScheduleSide loser = winner == w.a() ? w.b() : w.a();
    assertEquals(List.of(new OutputFact("local", "won()")), winner.only());
    assertTrue(loser.only().isEmpty());
    assertTrue(loser.replay().endsWith(":none"), loser.replay());
    assertTrue(winner.replay().matches("[0-9a-f]{16}:\\d+"), winner.replay());
    String late = winner == w.a() ? d.a() : d.b();
    assertTrue(late.matches("tick [2-9]\\d*"), late);

    // the marked lines of the timelines are b's arrival and won's appearance
    List<TimelineEvent> marked = winner.timeline().stream().flatMap(t -> t.events().stream())
        .filter(TimelineEvent::marked).toList();
    assertEquals(List.of("b()", "won()"), marked.stream().map(TimelineEvent::fact).sorted().toList());
  }

  @Test
  void theShrunkScheduleStillDiffersWhenReplayed() {
    Explore p = Explore.of(RACE);
    Witness w = Explore.output(p.explore(200, 11, 2), "won").witness().orElseThrow();
    Explorer fresh = p.explorer(1);
    Replay a = fresh.replay(w.a().replay());
    Replay b = fresh.replay(w.b().replay());
    assertEquals(w.a().outcome(), a.outputs().get(0).finals());
    assertEquals(w.b().outcome(), b.outputs().get(0).finals());
    assertTrue(a.choices().size() + b.choices().size() == 1,
        () -> "a shrunk witness keeps one choice: " + a.choices() + " / " + b.choices());
  }
}
