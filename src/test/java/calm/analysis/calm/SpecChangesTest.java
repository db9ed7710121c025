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

import calm.analysis.Checker;
import calm.analysis.FileReport;
import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.syntax.SourceFile;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The three changes of §5 and §8 in issue #15, one rule per test. */
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

  @Test
  void aCopyThatKeepsWhatItTestsIsImpliedByTheMessage() {
    FileReport report = check("kept", REQ + """
        scratch big(id: string, n: int).
        big(R, N) :- req(R, N), N > 10.
        reply(R, N) :- req(R, N), big(R, N).
        """);
    assertEquals(List.of(), pointLines(report));
    assertVerdict(report, "reply", Verdict.CONFLUENT);
  }

  @Test
  void aProjectionThatTestsNothingItDropsIsImpliedByTheMessage() {
    FileReport report = check("projection", REQ + """
        scratch seen(id: string).
        seen(R) :- req(R, _).
        reply(R, N) :- req(R, N), seen(R).
        """);
    assertVerdict(report, "reply", Verdict.CONFLUENT);
  }

  @Test
  void aSelfJoinOnOtherColumnsRaces() {
    FileReport report = check("self-join", """
        input s(k: int, v: int).
        output table pair(k: int, v: int).
        pair(K, V) :- s(K, V), s(V, _).
        """);
    int pair = lineOf(report, "pair(K, V)");
    assertEquals(Set.of("race"), kinds(pointAt(report, pair)));
    assertVerdict(report, "pair", Verdict.NEEDS_COORDINATION, pair);
  }

  @Test
  void aRelationDerivedBySeveralRulesRaces() {
    FileReport report = check("several", REQ + """
        scratch seen(id: string).
        seen(R) :- req(R, _).
        seen("always") :- req(_, _).
        reply(R, N) :- req(R, N), seen(R).
        """);
    assertVerdict(report, "reply", Verdict.NEEDS_COORDINATION, lineOf(report, "reply(R, N)"));
  }

  @Test
  void anAggregateKeyedByTheCheckoutIsImpliedByTheCheckoutsMessage() {
    FileReport report = check("item-sum", """
        input   checkout(client: string, session: string).
        table   log(session: string, item: string, n: int).
        scratch item_sum(session: string, item: string, n: int).
        output table receipt(client: string, item: string, n: int).
        log("s", "tea", 2).
        item_sum(S, I, sum(D)) :- checkout(_, S), log(S, I, D).
        receipt(C, I, N) :- checkout(C, S), item_sum(S, I, N).
        """);
    // the aggregate over the checkout event is a point of its own; the join back with the checkout is not
    int itemSum = lineOf(report, "item_sum(S, I, sum(D))");
    assertEquals(List.of(itemSum), pointLines(report));
    assertEquals(Set.of("aggregation"), kinds(pointAt(report, itemSum)));
  }

  @Test
  void aCountOfTheMessagesOfATickIsNotOneMessage() {
    FileReport report = check("count-chain", REQ + """
        scratch many(id: string, n: int).
        many(R, count(N)) :- req(R, N).
        reply(R, N) :- req(R, X), many(R, N), X > 0.
        """);
    int many = lineOf(report, "many(R, count(N))");
    int reply = lineOf(report, "reply(R, N)");
    assertEquals(Set.of("race"), kinds(pointAt(report, reply)));
    assertVerdict(report, "reply", Verdict.NEEDS_COORDINATION, many, reply);
  }

  // ---------------------------------------------------------------------------------------------
  // §5: a seal whose guard nothing can write is an error

  private static final String VOTES = """
      input  vote_in(poll: string, voter: string).
      input  close_in(poll: string).
      table  votes(poll: string, voter: string).
      table  closed(poll: string).
      output scratch result(poll: string, n: int).
      votes(P, V) :- vote_in(P, V).
      result(P, count(V)) :- closed(P), votes(P, V).
      """;

  @Test
  void aSealByAGuardThatNothingWritesIsAnError() {
    FileReport report = Checker.standard().check(new SourceFile("vacuous.calm", VOTES + "seal votes(P, _) by closed(P).\n"));
    List<Diagnostic> e404 = report.diagnostics().stream().filter(d -> d.code() == Code.VACUOUS_SEAL).toList();
    assertEquals(1, e404.size(), report.diagnostics().toString());
    assertTrue(e404.get(0).isError());
    assertEquals(lineOf(report, "seal votes"), e404.get(0).span().line());
    assertTrue(report.hasErrors());
  }

  @Test
  void aSealByAGuardThatARuleAFactOrAnInputWritesIsFine() {
    for (String writer : List.of("closed(P) :- close_in(P).\n", "closed(\"p\").\n")) {
      FileReport report = check("written", VOTES + writer + "seal votes(P, _) by closed(P).\n");
      assertVerdict(report, "result", Verdict.SEALED, lineOf(report, "result(P, count(V))"));
    }
    FileReport byInput = check("input", VOTES.replace("closed(P), votes", "close_in(P), votes")
        + "seal votes(P, _) by close_in(P).\n");
    assertVerdict(byInput, "result", Verdict.SEALED, lineOf(byInput, "result(P, count(V))"));
  }

  @Test
  void aSealByAnExternGuardIsFineItsFactsComeFromOutside() {
    FileReport report = Checker.standard().check(new SourceFile("extern-guard.calm",
        VOTES.replace("table  closed(poll: string).", "extern table closed(poll: string).")
            + "seal votes(P, _) by closed(P).\n"));
    assertTrue(report.diagnostics().stream().noneMatch(d -> d.code() == Code.VACUOUS_SEAL), report.diagnostics().toString());
    assertVerdict(report, "result", Verdict.SEALED, lineOf(report, "result(P, count(V))"));
  }

  @Test
  void aSealOnAnEventCoversNothing() {
    FileReport report = check("event-seal", """
        input   vote_in(poll: string, voter: string).
        input   close_in(poll: string).
        output table tally(poll: string, n: int).
        seal vote_in(P, _) by close_in(P).
        tally(P, count(V)) :- close_in(P), vote_in(P, V).
        """);
    assertVerdict(report, "tally", Verdict.NEEDS_COORDINATION, lineOf(report, "tally(P"));
    assertTrue(report.diagnostics().stream().anyMatch(d -> d.code() == Code.SEAL_COVERS_NOTHING));
  }

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

  // ---------------------------------------------------------------------------------------------
  // §8: thresholds with monotone arithmetic, and a K fixed before the first tick

  private static final String PANEL = """
      input   vote_in(poll: string, voter: string).
      table   votes(poll: string, voter: string).
      table   member(voter: string).
      scratch panel_size(n: int).
      scratch tally(poll: string, n: int).
      output table decided(poll: string).
      member("ann").
      member("bob").
      member("cy").
      votes(P, V) :- vote_in(P, V).
      panel_size(count(M)) :- member(M).
      tally(P, count(V)) :- votes(P, V).
      """;

  @Test
  void aMajorityOfAFixedPanelIsMonotone() {
    FileReport report = check("majority", PANEL + "decided(P) :- tally(P, N), panel_size(T), N * 2 > T.\n");
    assertEquals(List.of(), pointLines(report));
    assertVerdict(report, "decided", Verdict.CONFLUENT);
  }

  @Test
  void aPanelThatGrowsAtRunTimeIsNotAFixedThreshold() {
    FileReport report = check("growing", PANEL.replace("input   vote_in", "input   join_in(voter: string).\ninput   vote_in")
        + "member(V) :- join_in(V).\n"
        + "decided(P) :- tally(P, N), panel_size(T), N * 2 > T.\n");
    assertEquals(Verdict.NEEDS_COORDINATION, CalmCases.verdictOf(report, "decided").verdict());
  }

  @Test
  void aPanelSizeWrittenAfterTheFirstTickIsNotFixed() {
    FileReport report = check("later", PANEL.replace("scratch panel_size", "table panel_size")
        .replace("panel_size(count(M)) :- member(M).", "panel_size(count(M))@next :- member(M).")
        + "decided(P) :- tally(P, N), panel_size(T), N * 2 > T.\n");
    assertEquals(Verdict.NEEDS_COORDINATION, CalmCases.verdictOf(report, "decided").verdict());
  }

  @Test
  void monotoneArithmeticOnTheAggregatesSideKeepsAThreshold() {
    for (String test : List.of("N + 1 > 2", "N - 1 >= 1", "N * 3 >= 6", "2 < N * 2", "(N + 1) * 2 > 5")) {
      FileReport report = check("arith", PANEL + "decided(P) :- tally(P, N), " + test + ".\n");
      assertVerdict(report, "decided", Verdict.CONFLUENT);
    }
  }

  @Test
  void otherArithmeticOnTheAggregateIsNotAThreshold() {
    for (String test : List.of("3 - N < 1", "N * 0 > -1", "N * -1 < -2", "N / 2 > 1", "N * 2 = 4", "N + N > 3")) {
      FileReport report = check("not-arith", PANEL + "decided(P) :- tally(P, N), " + test + ".\n");
      assertEquals(Verdict.NEEDS_COORDINATION, CalmCases.verdictOf(report, "decided").verdict(), test);
    }
  }

  @Test
  void theAddedTermMustBeFreeOfAggregateValues() {
    FileReport report = check("added", PANEL + "decided(P) :- tally(P, N), panel_size(T), N + T > 4.\n");
    assertEquals(Verdict.NEEDS_COORDINATION, CalmCases.verdictOf(report, "decided").verdict());
  }

  // ---------------------------------------------------------------------------------------------
  // Found by the cross-check: state that changes from tick to tick without being asynchronous

  @Test
  void anEventMeetingStateThatChangesByNextRaces() {
    FileReport report = check("next-state", """
        input in1(k: int, v: int).
        table base(k: int, v: int).
        table d0(k: int, v: int).
        output table d3(k: int, v: int).
        base(1, 2).
        d0(K, V) :- base(K, V).
        d0(K, W)@next :- d0(K, V), W = V + 1, V < 3.
        d3(K, V) :- d0(K, V), in1(K, V).
        """);
    int d3 = lineOf(report, "d3(K, V)");
    assertEquals(Set.of("race"), kinds(pointAt(report, d3)));
    assertEquals(List.of("in1", "d3"), pointAt(report, d3).path());
  }

  private static Diagnostic pointDiagnostic(FileReport report) {
    return report.diagnostics().stream().filter(d -> d.code() == Code.COORDINATION_POINT).findFirst()
        .orElseThrow(() -> new AssertionError("no point: " + report.diagnostics()));
  }
}
