package calm.analysis.calm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.analysis.FileReport;
import calm.analysis.graph.Schema;
import calm.syntax.Program;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With many outputs the verdicts work out reachability a batch of outputs at a time; the batches
 * must not change any output's verdict, count or lines.
 */
class VerdictBatchesTest {
  @Test
  void smallBatchesAgreeWithOneBatch() {
    FileReport report = CalmCases.check("many-outputs", program(150));
    Program program = report.program().orElseThrow();
    CalmAnalysis analysis = CalmAnalysis.of(program, Schema.of(program));
    RelationIndex index = RelationIndex.of(analysis.graph());
    List<String> outputs = new ArrayList<>(analysis.outputs());
    List<CoordinationPoint> points = analysis.report().points();
    List<OutputVerdict> whole = Verdicts.of(index, outputs, points, Verdicts.BIT_BUDGET);
    List<OutputVerdict> batched = Verdicts.of(index, outputs, points, 1); // 64 outputs a batch
    assertEquals(150, whole.size());
    assertEquals(whole, batched);
    for (int o = 0; o < whole.size(); o++) {
      assertEquals(whole.get(o).pointLines().pointCount(), batched.get(o).pointLines().pointCount());
    }
    // the shared negation is upstream of every third output, and that output's own point too
    OutputVerdict third = whole.get(3);
    assertEquals(Verdict.NEEDS_COORDINATION, third.verdict());
    assertEquals(2, third.pointLines().pointCount());
    assertTrue(whole.stream().anyMatch(v -> v.verdict() == Verdict.CONFLUENT));
  }

  @Test
  void anOutputWithManyPointsUpstreamListsThemAllBeyondTheFirstFew() {
    FileReport report = CalmCases.check("chain", chain(40));
    OutputVerdict end = CalmCases.verdictOf(report, "end");
    assertEquals(40, end.pointLines().pointCount());
    assertEquals(40, end.pointLines().asList().size());
    assertEquals(end.pointLines().asList().subList(0, 20), end.pointLines().first(20));
  }

  @Test
  void anOutputWithFewOfTheProgramsPointsUpstreamListsThemFromItsOwnWalk() {
    StringBuilder text = new StringBuilder(chain(25));
    for (int i = 0; i < 450; i++) {
      text.append("input x").append(i).append("(x: int).\n");
      text.append("table y").append(i).append("(x: int).\n");
      text.append("output table z").append(i).append("(x: int).\n");
      text.append("y").append(i).append("(1).\n");
      text.append("z").append(i).append("(X) :- y").append(i).append("(X), not x").append(i).append("(X).\n");
    }
    FileReport report = CalmCases.check("sparse", text.toString());
    OutputVerdict end = CalmCases.verdictOf(report, "end");
    List<Integer> lines = end.pointLines().asList();
    assertEquals(25, lines.size());
    List<Integer> expected = new ArrayList<>();
    for (CoordinationPoint point : report.calm().points()) {
      if (point.rule().head().atom().relation().text().startsWith("s")) {
        expected.add(point.line());
      }
    }
    assertEquals(expected, lines);
  }

  /** Outputs o0..o{n-1}: each odd one negates its own input, every third also a shared one. */
  private static String program(int n) {
    StringBuilder text = new StringBuilder("input shared(x: int).\n");
    for (int i = 0; i < n; i++) {
      text.append("input in").append(i).append("(x: int).\n");
      text.append("table t").append(i).append("(x: int).\n");
      text.append("output table o").append(i).append("(x: int).\n");
      text.append("t").append(i).append("(1).\n");
      if (i % 2 == 1) {
        text.append("o").append(i).append("(X) :- t").append(i).append("(X), not in").append(i).append("(X).\n");
      } else {
        text.append("o").append(i).append("(X) :- t").append(i).append("(X), in").append(i).append("(X).\n");
      }
      if (i % 3 == 0) {
        text.append("o").append(i).append("(X) :- t").append(i).append("(X), not shared(X).\n");
      }
    }
    return text.toString();
  }

  /** A chain of n scratch relations, each negating an input: n points upstream of 'end'. */
  private static String chain(int n) {
    StringBuilder text = new StringBuilder("input go(x: int).\ntable base(x: int).\nbase(1).\n");
    for (int i = 0; i < n; i++) {
      text.append("input stop").append(i).append("(x: int).\n");
      text.append("table s").append(i).append("(x: int).\n");
      String previous = i == 0 ? "base" : "s" + (i - 1);
      text.append("s").append(i).append("(X) :- ").append(previous).append("(X), not stop").append(i).append("(X).\n");
    }
    text.append("output table end(x: int).\nend(X) :- s").append(n - 1).append("(X).\n");
    return text.toString();
  }
}
