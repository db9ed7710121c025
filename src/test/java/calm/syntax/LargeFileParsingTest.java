package calm.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.analysis.Checker;
import calm.analysis.FileReport;
import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import org.junit.jupiter.api.Test;

/** A large file is parsed in parts; what comes out must not depend on where it was cut. */
class LargeFileParsingTest {
  private static String program(int facts, String middle) {
    StringBuilder text = new StringBuilder("table t(x: int).\ntable u(x: int).\n");
    for (int i = 0; i < facts; i++) {
      text.append("t(").append(i).append(").\n");
      if (i == facts / 2) {
        text.append(middle);
      }
    }
    return text.toString();
  }

  @Test
  void positionsInTheSecondHalfAreThoseOfTheWholeFile() {
    String text = program(200_000, "") + "u(X) :- t(X), unknown(X).\n";
    FileReport report = Checker.standard().check(new SourceFile("big.calm", text));
    Diagnostic d = report.diagnostics().get(0);
    assertEquals(Code.UNKNOWN_RELATION, d.code());
    assertEquals(200_003, d.span().line());
    assertEquals(15, d.span().column());
    assertEquals(200_000, report.program().orElseThrow().facts().size());
  }

  @Test
  void aCutInsideABlockCommentChangesNothing() {
    StringBuilder comment = new StringBuilder("/*\n");
    for (int i = 0; i < 20_000; i++) {
      comment.append("t(").append(i).append(").\n");
    }
    comment.append("*/\n");
    String text = program(100_000, comment.toString());
    assertTrue(text.length() > 1 << 20);
    ParseResult parsed = Parsing.parse(new SourceFile("commented.calm", text));
    assertTrue(parsed.diagnostics().isEmpty(), parsed.diagnostics().toString());
    assertEquals(100_002, parsed.program().orElseThrow().items().size());
  }

  @Test
  void anErrorInEitherHalfIsReportedAtItsPlace() {
    String text = program(150_000, "t(1) :- .\n");
    ParseResult parsed = Parsing.parse(new SourceFile("broken.calm", text));
    assertEquals(1, parsed.diagnostics().size(), parsed.diagnostics().toString());
    assertEquals(Code.SYNTAX_ERROR, parsed.diagnostics().get(0).code());
    assertEquals(75_004, parsed.diagnostics().get(0).span().line());
  }

  @Test
  void tooDeepANestingInTheSecondHalfIsALocatedE005() {
    // the fast path gives up on it (it stops only for what the careful path reports), and the
    // careful path gives the located error, whichever half the nesting is in
    String deep = "u(X) :- t(Y), X = " + "(".repeat(300) + "Y" + ")".repeat(300) + ".\n";
    String text = program(150_000, "") + deep;
    ParseResult parsed = Parsing.parse(new SourceFile("deep.calm", text));
    assertEquals(1, parsed.diagnostics().size(), parsed.diagnostics().toString());
    Diagnostic d = parsed.diagnostics().get(0);
    assertEquals(Code.NESTING_TOO_DEEP, d.code());
    assertEquals(150_003, d.span().line());
    assertEquals(18 + 257, d.span().column());
  }
}
