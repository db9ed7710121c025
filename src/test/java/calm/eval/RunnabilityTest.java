package calm.eval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.syntax.Span;
import org.junit.jupiter.api.Test;

class RunnabilityTest {
  @Test
  void coordinationPointsDoNotStopARunButOtherErrorsDo() {
    assertFalse(Runnability.blocksRun(Diagnostic.of(Code.COORDINATION_POINT, Span.NONE, "needs coordination")));
    assertTrue(Runnability.blocksRun(Diagnostic.of(Code.UNKNOWN_RELATION, Span.NONE, "unknown")));
    assertFalse(Runnability.blocksRun(Diagnostic.of(Code.NEVER_READ, Span.NONE, "a warning")));
  }
}
