package calm.analysis.calm;

import static calm.analysis.calm.CalmCases.assertVerdict;
import static calm.analysis.calm.CalmCases.golden;
import static calm.analysis.calm.CalmCases.kinds;
import static calm.analysis.calm.CalmCases.lineOf;
import static calm.analysis.calm.CalmCases.pointAt;
import static calm.analysis.calm.CalmCases.pointLines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.analysis.FileReport;
import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.diagnostics.Severity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The cases the issue says must come out right. */
class IssueCasesTest {

  @Test
  void destructiveCartHasAPointOnEveryActionRuleAndOnCheckout() {
    FileReport report = golden("destructive-cart");
    int replace = lineOf(report, "item_count(S, I, N + D)@next");
    int delete = lineOf(report, "delete item_count");
    int first = lineOf(report, "item_count(S, I, D)@next");
    int checkout = lineOf(report, "response_msg(C, S, I, N)@async");
    assertEquals(List.of(replace, delete, first, checkout), pointLines(report));
    assertEquals(Set.of("race"), kinds(pointAt(report, replace)));
    assertEquals(Set.of("deletion", "race"), kinds(pointAt(report, delete)));
    assertEquals(Set.of("negation"), kinds(pointAt(report, first)));
    assertEquals(Set.of("race"), kinds(pointAt(report, checkout)));
    // the two rules that forward client requests to the server are coordination-free
    assertTrue(report.calm().points().stream().allMatch(p -> p.status() == PointStatus.UNACKNOWLEDGED));
    assertVerdict(report, "response_msg", Verdict.NEEDS_COORDINATION, replace, delete, first, checkout);
  }

  @Test
  void disorderlyCartHasExactlyOnePointTheCheckoutAggregation() {
    FileReport report = golden("disorderly-cart");
    int checkout = lineOf(report, "item_sum(C, S, I, sum(D))");
    assertEquals(List.of(checkout), pointLines(report));
    CoordinationPoint point = pointAt(report, checkout);
    assertEquals(List.of("aggregation", "race"), List.copyOf(kinds(point)));
    assertEquals(List.of("client_action", "action_msg", "action_log", "item_sum"), point.path());
    assertEquals(new AsyncEdge("client_action", "action_msg"), point.lastAsyncEdge());
    assertEquals(PointStatus.UNACKNOWLEDGED, point.status());
    assertVerdict(report, "response_msg", Verdict.NEEDS_COORDINATION, checkout);
  }

  @Test
  void disorderlyCartWithASealIsSealed() {
    FileReport report = golden("disorderly-cart-sealed");
    int checkout = lineOf(report, "item_sum(C, S, I, sum(D))");
    assertEquals(List.of(checkout), pointLines(report));
    assertEquals(PointStatus.SEALED, pointAt(report, checkout).status());
    assertVerdict(report, "response_msg", Verdict.SEALED, checkout);
    Diagnostic d = only(report, Code.COORDINATION_POINT);
    assertEquals(Severity.NOTE, d.severity());
    assertTrue(d.message().contains("sealed by `seal action_log(S, _, _, _) by checkout_msg(_, _, S, _)`"), d.message());
    assertTrue(report.diagnostics().stream().noneMatch(x -> x.code() == Code.SEAL_COVERS_NOTHING));
  }

  @Test
  void quorumTestingTheCountAgainstAThresholdIsConfluent() {
    FileReport report = golden("quorum");
    assertEquals(List.of(), pointLines(report));
    assertVerdict(report, "decided", Verdict.CONFLUENT);
  }

  @Test
  void quorumPublishingTheCountNeedsCoordination() {
    FileReport report = golden("quorum-publishes-count");
    int tally = lineOf(report, "tally(P, count(V))");
    assertEquals(List.of(tally), pointLines(report));
    assertEquals(Set.of("aggregation"), kinds(pointAt(report, tally)));
    assertVerdict(report, "decided", Verdict.NEEDS_COORDINATION, tally);
  }

  @Test
  void quorumTestingEqualityNeedsCoordination() {
    FileReport report = golden("quorum-equality");
    int tally = lineOf(report, "tally(P, count(V))");
    assertEquals(List.of(tally), pointLines(report));
    assertVerdict(report, "decided", Verdict.NEEDS_COORDINATION, tally);
    assertTrue(relatedMessages(report).stream().anyMatch(m -> m.contains("`N = 3` tests the count for equality")));
  }

  @Test
  void growOnlyLikesAreConfluent() {
    FileReport report = golden("likes");
    assertEquals(List.of(), pointLines(report));
    assertVerdict(report, "likes", Verdict.CONFLUENT);
  }

  @Test
  void unlikeByDeleteNeedsCoordination() {
    FileReport report = golden("unlike-delete");
    int delete = lineOf(report, "delete likes");
    assertEquals(List.of(delete), pointLines(report));
    CoordinationPoint point = pointAt(report, delete);
    assertEquals(Set.of("deletion"), kinds(point));
    // the point is where the head atom starts, after `delete `
    assertEquals("delete ".length() + 1, point.column());
    assertVerdict(report, "likes", Verdict.NEEDS_COORDINATION, delete);
  }

  @Test
  void twoPhaseSetReadWithNotHasTheNegationAsItsPoint() {
    FileReport report = golden("two-phase-set");
    int likes = lineOf(report, "likes(P, U) :- liked(P, U), not unliked(P, U)");
    assertEquals(List.of(likes), pointLines(report));
    CoordinationPoint point = pointAt(report, likes);
    assertEquals(Set.of("negation"), kinds(point));
    assertEquals(List.of("unlike_in", "unlike_msg", "unliked", "likes"), point.path());
    assertEquals(new AsyncEdge("unlike_in", "unlike_msg"), point.lastAsyncEdge());
    assertVerdict(report, "likes", Verdict.NEEDS_COORDINATION, likes);
  }

  @Test
  void pureDatalogWithStratifiedNegationIsConfluent() {
    FileReport report = golden("pure-datalog");
    assertEquals(List.of(), pointLines(report));
    assertVerdict(report, "unreachable", Verdict.CONFLUENT);
    assertTrue(report.diagnostics().isEmpty(), report.diagnostics().toString());
  }

  static Diagnostic only(FileReport report, Code code) {
    List<Diagnostic> found = report.diagnostics().stream().filter(d -> d.code() == code).toList();
    assertEquals(1, found.size(), found.toString());
    return found.get(0);
  }

  static List<String> relatedMessages(FileReport report) {
    return report.diagnostics().stream()
        .flatMap(d -> d.related().stream())
        .map(Diagnostic.Related::message)
        .toList();
  }
}
