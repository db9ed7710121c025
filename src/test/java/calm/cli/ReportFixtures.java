package calm.cli;

import calm.diagnostics.Diagnostic;
import calm.analysis.Checker;
import calm.analysis.FileReport;
import calm.analysis.calm.PointLines;
import calm.analysis.calm.AsyncEdge;
import calm.analysis.calm.CalmReport;
import calm.analysis.calm.CoordinationPoint;
import calm.analysis.calm.OutputVerdict;
import calm.analysis.calm.PointKind;
import calm.analysis.calm.PointStatus;
import calm.analysis.calm.Verdict;
import calm.syntax.Rule;
import calm.syntax.SourceFile;
import java.util.List;
import java.util.Set;

/**
 * A checked program with a CALM report made by hand, so that the renderers' handling of coordination
 * points can be tested before (and independently of) the CALM analysis.
 */
final class ReportFixtures {
  static final String CART =
      "input client_action(session: string, item: string).\n"
          + "table action_log(session: string, item: string).\n"
          + "output scratch item_count(session: string, n: int).\n"
          + "action_log(S, I) :- client_action(S, I).\n"
          + "item_count(S, count(I)) :- action_log(S, I).\n";

  private ReportFixtures() {}

  static FileReport withPoint(PointStatus status) {
    FileReport checked = Checker.standard().check(new SourceFile("examples/cart.calm", CART));
    Rule aggregate = checked.program().orElseThrow().rules().get(1);
    CoordinationPoint point =
        new CoordinationPoint(
            aggregate,
            Set.of(PointKind.AGGREGATION, PointKind.RACE),
            status,
            List.of("client_action", "action_log", "item_count"),
            new AsyncEdge("client_action", "action_log"));
    Verdict verdict = status == PointStatus.UNACKNOWLEDGED ? Verdict.NEEDS_COORDINATION : Verdict.COORDINATED;
    CalmReport calm =
        new CalmReport(List.of(point), List.of(new OutputVerdict("item_count", verdict, PointLines.of(5))));
    // The hand-made report stands in for the analysis, so the analysis's own findings are left out.
    List<Diagnostic> programDiagnostics =
        checked.diagnostics().stream().filter(d -> !d.code().isAnalysisFinding()).toList();
    return new FileReport(checked.source(), checked.program(), programDiagnostics, calm);
  }
}
