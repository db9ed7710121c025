package calm.eval.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DuplicatesTest {
  /** {@code twice(N)} holds only when message N arrives a second time. */
  static final String DETECTOR = """
      input go(n: int).
      channel msg(@to: string, n: int).
      table seen(n: int).
      output table twice(n: int).
      go(1).
      msg("local", N)@async :- go(N).
      seen(N)@next :- msg(_, N).
      twice(N) :- msg(_, N), seen(N).
      """;

  /** A set union does not care how often a message arrives. */
  static final String IDEMPOTENT = """
      input go(n: int).
      channel msg(@to: string, n: int).
      output table got(n: int).
      go(1). go(2). go(3).
      msg("local", N)@async :- go(N).
      got(N) :- msg(_, N).
      """;

  @Test
  void someSchedulesDeliverAMessageTwice() {
    Exploration e = Explore.of(DETECTOR).explore(200, 4, 2);
    OutputFinding twice = Explore.output(e, "twice");
    assertEquals(2, twice.finalOutcomes());
    Witness w = twice.witness().orElseThrow();
    assertEquals(1, w.differences().size());
    DeliveryDifference d = w.differences().get(0);
    assertEquals("msg(\"local\", 1)", d.fact());
    String dup = w.a().only().isEmpty() ? d.b() : d.a();
    assertTrue(dup.contains("again"), dup);
    ScheduleSide duplicated = w.a().only().isEmpty() ? w.b() : w.a();
    assertTrue(duplicated.timeline().stream().flatMap(t -> t.events().stream())
        .anyMatch(ev -> ev.kind() == TimelineEvent.Kind.DUPLICATE && ev.marked()));
    assertTrue(!duplicated.replay().endsWith("d"), "the duplicate is kept: " + duplicated.replay());
  }

  @Test
  void duplicatesDoNotChangeAnIdempotentUnion() {
    Explore p = Explore.of(IDEMPOTENT);
    Exploration e = p.explore(200, 4, 2);
    assertEquals(1, Explore.output(e, "got").finalOutcomes());
    int duplicates = 0;
    Explorer explorer = p.explorer(1);
    for (int i = 0; i < 50; i++) {
      duplicates += (int) explorer.replay(Seeds.format(Seeds.runSeed(4, i))).timeline().stream()
          .flatMap(t -> t.events().stream()).filter(ev -> ev.kind() == TimelineEvent.Kind.DUPLICATE).count();
    }
    assertTrue(duplicates > 0, "50 runs of 3 messages deliver some message twice");
  }
}
