package calm.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import calm.diagnostics.Code;
import calm.syntax.SourceFile;
import org.junit.jupiter.api.Test;

/** W301 warns about a plain table that collects an aggregate's every value, not about a keyed one. */
class AggregateIntoTableCheckTest {
  private static final String PROGRAM = """
      input add(session: string, item: string).
      table cart(session: string, item: string).
      %s
      cart(S, I) :- add(S, I).
      total(S, count(I)) :- cart(S, I).
      """;

  private static long w301(String declaration) {
    SourceFile source = new SourceFile("w301.calm", PROGRAM.formatted(declaration));
    return Checker.standard().check(source).diagnostics().stream()
        .filter(d -> d.code() == Code.AGGREGATE_INTO_TABLE).count();
  }

  @Test
  void aPlainTableKeepsEveryCount() {
    assertEquals(1, w301("output table total(session: string, n: int)."));
  }

  @Test
  void aLatticeColumnKeepsTheGreatest() {
    assertEquals(0, w301("output table total(session: string => n: max<int>)."));
  }
}
