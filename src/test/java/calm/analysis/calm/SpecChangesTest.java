package calm.analysis.calm;

import static calm.analysis.calm.CalmCases.assertVerdict;
import static calm.analysis.calm.CalmCases.check;
import static calm.analysis.calm.CalmCases.kinds;
import static calm.analysis.calm.CalmCases.lineOf;
import static calm.analysis.calm.CalmCases.pointAt;
import static calm.analysis.calm.CalmCases.pointLines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.analysis.FileReport;
import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The notes and help lines of the diagnostics for the changes of §5 and §8 in issue #15. The rules
 * themselves (which atoms race, which guards may seal, which thresholds are monotone) are marker files,
 * {@code src/test/resources/markers/}, e.g. {@code s08-race-same-source-*.calm}.
 */
class SpecChangesTest {

  // ---------------------------------------------------------------------------------------------
  // §8: two event atoms of one source race unless one is implied by the other's message

  private static final String REQ =
      "input   req(id: string, n: int).\n"
          + "output table reply(id: string, n: int).\n";

  @Test
  void aCopyThatFiltersOnAColumnItDropsRacesWithItsSource() {
    FileReport report = check("issue", REQ + """
        scratch big(id: string).
        big(R) :- req(R, N), N > 10.
        reply(R, N) :- req(R, N), big(R).
        """);
    int reply = lineOf(report, "reply(R, N)");
    assertEquals(List.of(reply), pointLines(report));
    assertEquals(Set.of("race"), kinds(pointAt(report, reply)));
    assertVerdict(report, "reply", Verdict.NEEDS_COORDINATION, reply);
    Diagnostic d = pointDiagnostic(report);
    String notes = String.join("\n", d.related().stream().map(r -> r.message()).toList());
    assertTrue(notes.contains("`req(R, N)` and `big(R)`"), notes);
    assertTrue(notes.contains("drops that column"), notes);
    assertTrue(d.help().stream().anyMatch(h -> h.contains("persist `req` in a table")), d.help().toString());
    assertTrue(d.help().stream().anyMatch(h -> h.contains("full key")), d.help().toString());
  }

  // ---------------------------------------------------------------------------------------------
  // §5: the help of a seal

  @Test
  void sealHelpNamesAWrittenGuardAndNeverAChannelsDestination() {
    FileReport report = check("help", """
        channel vote(@server: string, poll: string, voter: string).
        input   vote_in(poll: string, voter: string).
        table   votes(poll: string, voter: string).
        output table tally(poll: string, n: int).
        vote("server", P, V)@async :- vote_in(P, V).
        votes(P, V) :- vote(_, P, V).
        tally(P, count(V)) :- vote(_, P, V).
        tally(P, count(V)) :- votes(P, V), not vote(_, P, V).
        """);
    for (Diagnostic d : report.diagnostics()) {
      for (String help : d.help()) {
        if (help.contains("seal ")) {
          assertTrue(help.contains("writes"), help);
          assertFalse(help.contains("seal vote(K"), help);
        }
      }
    }
  }

  @Test
  void noDiagnosticSuggestsASealForADeletion() {
    FileReport report = check("delete", """
        input  unlike_in(post: string, user: string).
        input  like_in(post: string, user: string).
        output table likes(post: string, user: string).
        likes(P, U) :- like_in(P, U).
        delete likes(P, U) :- unlike_in(P, U), likes(P, U), not like_in(P, U).
        """);
    Diagnostic d = pointDiagnostic(report);
    assertTrue(d.message().contains("deletion"), d.message());
    assertTrue(d.help().stream().noneMatch(h -> h.contains("seal `") || h.contains("(`seal ")), d.help().toString());
  }

  private static Diagnostic pointDiagnostic(FileReport report) {
    return report.diagnostics().stream().filter(d -> d.code() == Code.COORDINATION_POINT).findFirst()
        .orElseThrow(() -> new AssertionError("no point: " + report.diagnostics()));
  }
}
