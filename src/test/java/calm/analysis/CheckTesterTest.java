package calm.analysis;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The tester can fail: each way a marker file can disagree with the analysis is an assertion error. */
class CheckTesterTest {
  private static final String NEGATION = """
      // §8 negation of an asynchronous relation
      input   vote(voter: string).
      table   voted(voter: string).
      table   registered(voter: string).
      output table missing(voter: string).
      registered("ann").
      voted(V) :- vote(V).
      missing(V) :- registered(V), not voted(V).      %s
      // expect: verdict missing %s
      """;

  private static String failure(String text) {
    return assertThrows(AssertionError.class, () -> CheckTester.of("t.calm", text).check()).getMessage();
  }

  private static String negation(String marker, String verdict) {
    return NEGATION.formatted(marker, verdict);
  }

  @Test
  void theRightMarkersPass() {
    assertDoesNotThrow(() -> CheckTester.of("t.calm", negation("// expect: C001 negation", "needs-coordination")).check());
  }

  @Test
  void aMissingMarkerFailsNamingTheUnexpectedFinding() {
    String message = failure(negation("", "needs-coordination"));
    assertTrue(message.contains("unexpected: t.calm:8:1: C001 negation (unacknowledged)"), message);
    assertTrue(message.contains("`missing` depends on the order"), message);
  }

  @Test
  void aMarkerWithoutItsFindingFails() {
    String message = failure(negation("// expect: C001 negation", "needs-coordination") + "registered(\"x\").  // expect: W101\n");
    assertTrue(message.contains("missing:    t.calm:10: W101"), message);
  }

  @Test
  void aWrongKindStatusOrMessageFails() {
    assertTrue(failure(negation("// expect: C001 aggregation", "needs-coordination")).contains("missing:"));
    assertTrue(failure(negation("// expect: C001 negation sealed", "needs-coordination")).contains("(sealed)"));
    assertTrue(failure(negation("// expect: C001 negation \"no such words\"", "needs-coordination"))
        .contains("containing \"no such words\""));
  }

  @Test
  void aWrongOrMissingVerdictFails() {
    assertTrue(failure(negation("// expect: C001 negation", "confluent"))
        .contains("output `missing` is needs-coordination, expected confluent"));
    String unmarked = negation("// expect: C001 negation", "needs-coordination").replace("// expect: verdict", "// verdict");
    assertTrue(failure(unmarked).contains("has no `expect: verdict` marker"));
  }

  @Test
  void aWrongConstraintVerdictFails() {
    String text = """
        // §12
        table t(x: int).
        output table o(x: int).
        t(1).
        o(X) :- t(X).
        @invariant("small")
        :- t(X), X > 5.
        // expect: verdict o confluent
        // expect: constraint "small" order-dependent
        """;
    assertTrue(failure(text).contains("constraint: \"small\" is schedule-independent, expected order-dependent"));
    assertTrue(failure(text.replace("// expect: constraint", "// constraint")).contains("has no `expect: constraint` marker"));
  }

  @Test
  void malformedMarkersFailBeforeTheAnalysisRuns() {
    assertTrue(failure(negation("// expect: C001", "needs-coordination")).contains("names the point's kinds"));
    assertTrue(failure(negation("// expect: C001 negation", "needs coordination")).contains("VERDICT one of"));
    assertTrue(failure(negation("// expect: X999", "needs-coordination")).contains("not a diagnostic code"));
    assertTrue(failure(negation("// expect: something", "needs-coordination")).contains("unreadable marker"));
    assertTrue(failure("// expect: W101\ntable t(x: int).\n").contains("alone on its line"));
  }

  @Test
  void markersLiveOnlyInCommentsOutsideStrings() {
    assertTrue(CheckTester.lineCommentStart("p(\"// expect: W101\").") < 0);
    String text = "// §3\ntable p(x: string).\noutput table o(x: string).\np(\"// expect: W101\").\no(X) :- p(X).\n"
        + "// expect: verdict o confluent\n";
    assertDoesNotThrow(() -> CheckTester.of("t.calm", text).check());
  }

  @Test
  void nextLineMarkersSkipCommentsAndStack() {
    String text = """
        // §8
        table t(x: int).
        table t(x: int).
        // expect-next-line: E102
        // a comment between the marker and the line
        table t(x: int).     // expect: W101
        """;
    // the first declaration is the one that counts: W101 is reported there, so the trailing marker is wrong
    String message = failure(text);
    assertTrue(message.contains("missing:    t.calm:6: W101"), message);
    assertTrue(message.contains("unexpected: t.calm:2:7: W101"), message);
    assertTrue(message.contains("unexpected: t.calm:3:7: E102"), message);
  }
}
