package calm.analysis.calm;

import static calm.analysis.calm.CalmCases.assertVerdict;
import static calm.analysis.calm.CalmCases.check;
import static calm.analysis.calm.CalmCases.golden;
import static calm.analysis.calm.CalmCases.kinds;
import static calm.analysis.calm.CalmCases.lineOf;
import static calm.analysis.calm.CalmCases.pointAt;
import static calm.analysis.calm.CalmCases.pointLines;
import static calm.analysis.calm.IssueCasesTest.only;
import static calm.analysis.calm.IssueCasesTest.relatedMessages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.analysis.FileReport;
import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.diagnostics.Severity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every branch of §5 and §8, one small program each. */
class BranchesTest {

  // --- monotone aggregates --------------------------------------------------------------------

  @ParameterizedTest(name = "{0} is confluent")
  @CsvSource({
    "quorum, decided",
    "quorum-flipped-threshold, decided",
    "quorum-stored-threshold, decided",
    "max-threshold, sold",
    "min-threshold, bargain",
    "sum-non-negative, funded"
  })
  void monotoneAggregatesAreNoPoint(String name, String output) {
    FileReport report = golden(name);
    assertEquals(List.of(), pointLines(report), report.diagnostics().toString());
    assertVerdict(report, output, Verdict.CONFLUENT);
  }

  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "quorum-wrong-direction | undecided | tests in the wrong direction: count only grows",
        "max-wrong-direction | cheap | tests in the wrong direction: max only grows",
        "min-wrong-direction | pricey | tests in the wrong direction: min only shrinks",
        "sum-unknown-sign | funded | not known to be non-negative",
        "quorum-over-events | decided | is an event relation: it empties every tick",
        "quorum-deleted-votes | decided | is a table that `delete` shrinks",
        "quorum-output-count | tally | is an output, so its value itself is observed",
        "quorum-negated-count | silent | negates `tally`",
        "quorum-computed-test | decided | computes with the value",
        "quorum-event-threshold | decided | the threshold comes from event relation `set_quorum`",
        "quorum-two-aggregates | decided | the threshold comes from `veto_tally`",
        "quorum-publishes-count | decided | reaches the head",
      })
  void nonMonotoneAggregatesArePointsAtTheAggregateRule(String name, String output, String why) {
    FileReport report = golden(name);
    List<CoordinationPoint> aggregations =
        report.calm().points().stream().filter(p -> p.kinds().contains(PointKind.AGGREGATION)).toList();
    assertTrue(!aggregations.isEmpty(), "no aggregation point");
    for (CoordinationPoint p : aggregations) {
      assertTrue(p.rule().isAggregate(), "the point is the aggregate rule itself");
    }
    assertTrue(
        relatedMessages(report).stream().anyMatch(m -> m.startsWith("not monotone") && m.contains(why)),
        () -> relatedMessages(report).toString());
    assertEquals(Verdict.NEEDS_COORDINATION, CalmCases.verdictOf(report, output).verdict());
  }

  @Test
  void aMonotoneAggregateOverAnEventIsStillAPointWhenItsValueIsOnlyTested() {
    // the event empties every tick, so even a threshold test is not enough
    FileReport report = golden("quorum-over-events");
    assertEquals(List.of(lineOf(report, "tally(P, count(V))")), pointLines(report));
  }

  @Test
  void sumWithAStrictTestAboveMinusOneIsNonNegative() {
    FileReport report =
        check(
            "sum-strict",
            """
            input bid_in(item: string, amount: int).
            table bids(item: string, amount: int).
            scratch pot(item: string, s: int).
            output table funded(item: string).
            bids(I, A) :- bid_in(I, A).
            pot(I, sum(A)) :- bids(I, A), -1 < A.
            funded(I) :- pot(I, S), S > 1000.
            """);
    assertEquals(List.of(), pointLines(report));
  }

  @Test
  void sumTestedAgainstANegativeBoundIsNotProvenNonNegative() {
    FileReport report =
        check(
            "sum-negative-bound",
            """
            input bid_in(item: string, amount: int).
            table bids(item: string, amount: int).
            scratch pot(item: string, s: int).
            output table funded(item: string).
            bids(I, A) :- bid_in(I, A).
            pot(I, sum(A)) :- bids(I, A), A >= -5.
            funded(I) :- pot(I, S), S > 1000.
            """);
    assertEquals(List.of(6), pointLines(report));
  }

  @Test
  void aCountWhoseValueIsNeverReadOnlyItsGroupIsMonotone() {
    FileReport report =
        check(
            "count-unused",
            """
            input vote_in(poll: string, voter: string).
            table votes(poll: string, voter: string).
            scratch tally(poll: string, n: int).
            output table active(poll: string).
            votes(P, V) :- vote_in(P, V).
            tally(P, count(V)) :- votes(P, V).
            active(P) :- tally(P, _).
            """);
    assertEquals(List.of(), pointLines(report));
    assertVerdict(report, "active", Verdict.CONFLUENT);
  }

  @Test
  void joiningOnTheAggregateValueIsAnEqualityTest() {
    FileReport report =
        check(
            "count-join",
            """
            input vote_in(poll: string, voter: string).
            table votes(poll: string, voter: string).
            table prize(n: int).
            scratch tally(poll: string, n: int).
            output table winner(poll: string).
            prize(3).
            votes(P, V) :- vote_in(P, V).
            tally(P, count(V)) :- votes(P, V).
            winner(P) :- tally(P, N), prize(N).
            """);
    assertEquals(List.of(8), pointLines(report));
    assertTrue(relatedMessages(report).stream().anyMatch(m -> m.contains("joins on its value `N`")));
  }

  // --- negation, deletion ----------------------------------------------------------------------

  @Test
  void negationOfAStaticRelationIsNoPoint() {
    FileReport report =
        check(
            "negation-static",
            """
            input ping(from: string).
            table blocked(name: string).
            output scratch allowed(from: string).
            blocked("mallory").
            allowed(F) :- ping(F), not blocked(F).
            """);
    assertEquals(List.of(), pointLines(report));
    assertVerdict(report, "allowed", Verdict.CONFLUENT);
  }

  @Test
  void deletionThatReadsOnlyStaticRelationsIsNoPoint() {
    FileReport report =
        check(
            "deletion-static",
            """
            table stock(item: string).
            table recalled(item: string).
            output table shelf(item: string).
            stock("a"). stock("b"). recalled("b").
            shelf(I) :- stock(I).
            delete shelf(I) :- recalled(I).
            """);
    assertEquals(List.of(), pointLines(report));
  }

  // --- races --------------------------------------------------------------------------------

  @Test
  void anEventJoinedWithAScratchViewOfAnAsynchronousTableRaces() {
    FileReport report = golden("race-scratch-view");
    int welcome = lineOf(report, "welcome(U)");
    assertEquals(List.of(welcome), pointLines(report));
    assertEquals(Set.of("race"), kinds(pointAt(report, welcome)));
    assertEquals(List.of("register", "users", "known", "welcome"), pointAt(report, welcome).path());
  }

  @Test
  void eventsDerivedFromTheSameArrivalDoNotRace() {
    FileReport report = golden("race-same-arrival");
    assertEquals(List.of(), pointLines(report));
    assertVerdict(report, "accepted", Verdict.CONFLUENT);
  }

  @Test
  void eventsFromDifferentSourcesRace() {
    FileReport report = golden("race-two-sources");
    int served = lineOf(report, "served(I)");
    assertEquals(List.of(served), pointLines(report));
    assertEquals(Set.of("race"), kinds(pointAt(report, served)));
  }

  @Test
  void aScratchMixingTwoSourcesRacesEvenWithOneOfThem() {
    FileReport report =
        check(
            "race-mixed",
            """
            input a(x: string).
            input b(x: string).
            scratch either(x: string).
            output scratch both(x: string).
            either(X) :- a(X).
            either(X) :- b(X).
            both(X) :- either(X), a(X).
            """);
    assertEquals(List.of(7), pointLines(report));
  }

  @Test
  void anEventReadNegativelyStillMakesAScratchAnEvent() {
    FileReport report =
        check(
            "event-through-negation",
            """
            input ping(x: string).
            input poke(x: string).
            table names(x: string).
            scratch quiet(x: string).
            output scratch odd(x: string).
            names("a").
            quiet(X) :- names(X), not ping(X).
            odd(X) :- quiet(X), poke(X).
            """);
    // quiet is an event from ping, poke another source: a race; the negation of an input is a point too
    assertEquals(List.of(7, 8), pointLines(report));
    assertEquals(Set.of("negation"), kinds(pointAt(report, 7)));
    assertEquals(Set.of("race"), kinds(pointAt(report, 8)));
  }

  @Test
  void anEventJoinedWithAStaticTableIsALookupNotARace() {
    FileReport report = golden("race-static-table");
    assertEquals(List.of(), pointLines(report));
  }

  // --- seals ----------------------------------------------------------------------------------

  @Test
  void aSealedNegationKeyedByTheSealsKeyIsSealed() {
    FileReport report = golden("seal-negation");
    int absent = lineOf(report, "absent(R, P)");
    assertEquals(PointStatus.SEALED, pointAt(report, absent).status());
    assertVerdict(report, "absent", Verdict.SEALED, absent);
    assertEquals(Severity.NOTE, only(report, Code.COORDINATION_POINT).severity());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"seal-without-guard", "seal-other-key", "seal-not-grouped", "seal-deletion"})
  void aSealThatDoesNotCoverLeavesThePointOpenAndWarns(String name) {
    FileReport report = golden(name);
    assertEquals(1, report.calm().points().size());
    assertEquals(PointStatus.UNACKNOWLEDGED, report.calm().points().get(0).status());
    Diagnostic warning = only(report, Code.SEAL_COVERS_NOTHING);
    assertEquals(Severity.WARNING, warning.severity());
    assertEquals(lineOf(report, "seal "), warning.span().line());
    assertEquals(Severity.ERROR, only(report, Code.COORDINATION_POINT).severity());
  }

  @Test
  void aSealWithNoKeySealsTheWholeRelation() {
    FileReport report = golden("seal-whole-relation");
    assertEquals(PointStatus.SEALED, report.calm().points().get(0).status());
    assertVerdict(report, "result", Verdict.SEALED, lineOf(report, "result(P, count(V))"));
  }

  @Test
  void deletionIsNeverSealed() {
    FileReport report = golden("seal-deletion");
    CoordinationPoint point = pointAt(report, lineOf(report, "delete items"));
    assertEquals(Set.of("deletion"), kinds(point));
    assertEquals(PointStatus.UNACKNOWLEDGED, point.status());
  }

  @Test
  void aPartlySealedPointIsNotSealed() {
    // the aggregation is sealed by the key, but the negation of `banned` is not
    FileReport report =
        check(
            "partly-sealed",
            """
            input vote_in(poll: string, voter: string).
            input close_in(poll: string).
            input ban_in(voter: string).
            table votes(poll: string, voter: string).
            table closed(poll: string).
            table banned(voter: string).
            output scratch result(poll: string, n: int).
            seal votes(P, _) by closed(P).
            votes(P, V) :- vote_in(P, V).
            closed(P) :- close_in(P).
            banned(V) :- ban_in(V).
            result(P, count(V)) :- closed(P), votes(P, V), not banned(V).
            """);
    CoordinationPoint point = pointAt(report, 12);
    assertEquals(Set.of("negation", "aggregation"), kinds(point));
    assertEquals(PointStatus.UNACKNOWLEDGED, point.status());
    // the seal did cover the aggregation part, so it is not reported as covering nothing
    assertTrue(report.diagnostics().stream().noneMatch(d -> d.code() == Code.SEAL_COVERS_NOTHING));
  }

  // --- @coordinated ---------------------------------------------------------------------------

  @Test
  void coordinatedAcknowledgesThePoint() {
    FileReport report = golden("coordinated");
    CoordinationPoint point = pointAt(report, lineOf(report, "order_total(C, sum(P))"));
    assertEquals(PointStatus.ACKNOWLEDGED, point.status());
    assertEquals(Set.of("aggregation", "race"), kinds(point));
    Diagnostic d = only(report, Code.COORDINATION_POINT);
    assertEquals(Severity.NOTE, d.severity());
    assertTrue(d.message().contains("two-phase commit"), d.message());
    assertEquals(List.of(), d.help());
    assertVerdict(report, "order_total", Verdict.COORDINATED, point.line());
    assertTrue(!report.calm().hasOpenPoint());
  }

  @Test
  void coordinatedOnARuleWithoutAPointWarns() {
    FileReport report = golden("coordinated-without-point");
    Diagnostic warning = only(report, Code.COORDINATED_WITHOUT_POINT);
    assertEquals(lineOf(report, "@coordinated"), warning.span().line());
    assertEquals(List.of(), pointLines(report));
    assertVerdict(report, "likes", Verdict.CONFLUENT);
  }

  @Test
  void coordinatedOnASealedPointWarnsAndThePointStaysSealed() {
    FileReport report = golden("coordinated-sealed");
    Diagnostic warning = only(report, Code.COORDINATED_WITHOUT_POINT);
    assertTrue(warning.message().contains("already sealed"), warning.message());
    assertEquals(PointStatus.SEALED, report.calm().points().get(0).status());
    assertVerdict(report, "result", Verdict.SEALED, lineOf(report, "result(P, count(V))"));
  }

  // --- verdicts ---------------------------------------------------------------------------------

  @Test
  void verdictsCombineTheStatusesOfTheUpstreamPoints() {
    FileReport report = golden("mixed-verdicts");
    int result = lineOf(report, "result(P, count(V))");
    int audit = lineOf(report, "audit(P, N, V)");
    assertVerdict(report, "report", Verdict.SEALED, result);
    assertVerdict(report, "audit", Verdict.COORDINATED, result, audit);
  }

  @Test
  void anOutputThatIsAlsoReadInternallyGetsItsVerdict() {
    FileReport report = golden("output-read-internally");
    int delete = lineOf(report, "delete likes");
    int count = lineOf(report, "like_count(P, count(U))");
    assertVerdict(report, "likes", Verdict.NEEDS_COORDINATION, delete);
    assertVerdict(report, "popular", Verdict.NEEDS_COORDINATION, delete, count);
  }

  @Test
  void withoutDeclaredOutputsEveryUnreadRelationIsAnOutput() {
    FileReport report = golden("implicit-outputs");
    assertEquals(
        List.of("first"), report.calm().outputs().stream().map(OutputVerdict::relation).toList());
    assertVerdict(report, "first", Verdict.NEEDS_COORDINATION, lineOf(report, "fresh(F)"));
  }

  @Test
  void pointsReachOutputsThroughCycles() {
    FileReport report =
        check(
            "cycle",
            """
            input tick_in(n: int).
            table seen(n: int).
            table counter(n: int).
            output table shown(n: int).
            seen(N) :- tick_in(N).
            counter(N + 1)@next :- counter(N), not seen(N).
            counter(N)@next :- shown(N), N < 10.
            shown(N) :- counter(N).
            counter(0).
            """);
    assertVerdict(report, "shown", Verdict.NEEDS_COORDINATION, 6);
  }

  // --- what a point reports -----------------------------------------------------------------------

  @Test
  void aPointReportsItsPathLastAsyncEdgeAndRemedies() {
    FileReport report = golden("disorderly-cart");
    Diagnostic d = only(report, Code.COORDINATION_POINT);
    assertEquals(Severity.ERROR, d.severity());
    assertEquals(CalmCases.pointAt(report, d.span().line()).at(), d.span());
    assertTrue(d.message().contains("aggregation, race"), d.message());
    assertTrue(d.message().contains("client_action → action_msg → action_log → item_sum"), d.message());
    assertTrue(d.message().contains("last asynchronous edge client_action → action_msg"), d.message());
    assertTrue(d.help().stream().anyMatch(h -> h.contains("persist `checkout_msg` in a table")), d.help().toString());
    assertTrue(d.help().stream().anyMatch(h -> h.contains("seal `action_log` by a key")), d.help().toString());
    assertTrue(d.help().stream().anyMatch(h -> h.contains("@coordinated(")), d.help().toString());
  }

  @Test
  void aCountPointSuggestsAThresholdTest() {
    Diagnostic d = only(golden("quorum-publishes-count"), Code.COORDINATION_POINT);
    assertTrue(d.help().stream().anyMatch(h -> h.contains("test the count against a threshold")), d.help().toString());
  }

  @Test
  void aPathThatStartsAtAnInputWithoutChannelsUsesTheEdgeOutOfTheInput() {
    FileReport report = golden("implicit-outputs");
    CoordinationPoint point = pointAt(report, lineOf(report, "fresh(F)"));
    assertEquals(List.of("ping", "seen", "fresh"), point.path());
    assertEquals(new AsyncEdge("ping", "seen"), point.lastAsyncEdge());
  }

  @Test
  void aPathFromAChannelThatNoInputReachesStartsAtTheChannel() {
    FileReport report =
        check(
            "channel-root",
            """
            table peers(node: string).
            channel hello(@to: string, from: string).
            table known(node: string).
            output scratch strangers(node: string).
            peers("a"). peers("b").
            hello(N, "me")@async :- peers(N).
            known(F) :- hello(_, F).
            strangers(N) :- peers(N), not known(N).
            """);
    CoordinationPoint point = pointAt(report, 8);
    assertEquals(List.of("hello", "known", "strangers"), point.path());
    assertEquals(new AsyncEdge("hello", "known"), point.lastAsyncEdge());
  }

  @Test
  void thePathGoesThroughTheLastAsyncEdgeIntoAChannel() {
    FileReport report =
        check(
            "two-hops",
            """
            input request(x: string).
            channel first(@to: string, x: string).
            channel second(@to: string, x: string).
            table log(x: string).
            table banned(x: string).
            output scratch ok(x: string).
            banned("z").
            first("n1", X)@async :- request(X).
            second("n2", X)@async :- first(_, X).
            log(X) :- second(_, X).
            ok(X) :- banned(X), not log(X).
            """);
    CoordinationPoint point = pointAt(report, 11);
    assertEquals(List.of("request", "first", "second", "log", "ok"), point.path());
    assertEquals(new AsyncEdge("first", "second"), point.lastAsyncEdge());
  }

  @Test
  void kindsAreListedInTheSpecsOrder() {
    CoordinationPoint point = golden("destructive-cart").calm().points().get(1);
    assertEquals(List.of(PointKind.DELETION, PointKind.RACE), List.copyOf(point.kinds()));
  }
}
