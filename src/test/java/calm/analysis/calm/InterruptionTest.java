package calm.analysis.calm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import calm.analysis.graph.Schema;
import calm.syntax.Program;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/**
 * The analysis runs beside the checks and is dropped by interrupting its thread when they find an
 * error: it must then stop instead of finishing work nobody reads.
 */
class InterruptionTest {
  private static final String PROGRAM =
      """
      input in(x: int).
      table seen(x: int).
      output scratch missing(x: int).
      seen(X) :- in(X).
      missing(X) :- in(X), not seen(X).
      """;

  @Test
  void anInterruptedAnalysisStops() {
    Program program = CalmCases.check("interrupted", PROGRAM).program().orElseThrow();
    Thread.currentThread().interrupt();
    try {
      assertThrows(CancellationException.class, () -> CalmAnalysis.of(program, Schema.of(program)));
    } finally {
      Thread.interrupted(); // leave the test thread as it was
    }
  }

  @Test
  void anUninterruptedAnalysisFinishes() {
    Program program = CalmCases.check("not interrupted", PROGRAM).program().orElseThrow();
    CalmAnalysis analysis = CalmAnalysis.of(program, Schema.of(program));
    assertEquals(1, analysis.report().points().size());
    assertFalse(Thread.currentThread().isInterrupted());
  }
}
