package calm.diagnostics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.source.Span;
import org.junit.jupiter.api.Test;

class DiagnosticTest {
  @Test
  void coordinationPointsAreNotProgramErrorsButOtherErrorsAre() {
    assertFalse(Diagnostic.of(Code.COORDINATION_POINT, Span.NONE, "needs coordination").isProgramError());
    assertTrue(Diagnostic.of(Code.UNKNOWN_RELATION, Span.NONE, "unknown").isProgramError());
    assertFalse(Diagnostic.of(Code.NEVER_READ, Span.NONE, "a warning").isProgramError());
  }
}
