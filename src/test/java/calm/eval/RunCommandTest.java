package calm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code calm run} refuses what it cannot run, with locations and the exit statuses of §10. */
class RunCommandTest {
  @TempDir Path tmp;

  @Test
  void programErrorsAreListedAndNothingRuns() throws IOException {
    Path p = Files.writeString(tmp.resolve("bad.calm"), """
        table a(x: int).
        output table b(x: int).
        a(1).
        b(X) :- a(X), c(X).
        """);
    Cli r = Cli.run("run", p.toString());
    assertEquals(1, r.status());
    assertTrue(r.err().contains("bad.calm:4:15: error[E101]"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void syntaxErrorsToo() throws IOException {
    Path p = Files.writeString(tmp.resolve("bad.calm"), "table a(x: int)\n");
    Cli r = Cli.run("run", p.toString());
    assertEquals(1, r.status());
    assertTrue(r.err().contains("bad.calm:") && r.err().contains("error[E00"), r.err());
  }

  @Test
  void unstratifiableProgramsAreRefused() throws IOException {
    Path p = Files.writeString(tmp.resolve("cycle.calm"), """
        table a(x: int).
        table b(x: int).
        a(1).
        b(X) :- a(X), not b(X).
        """);
    Cli r = Cli.run("run", p.toString());
    assertEquals(1, r.status());
    assertTrue(r.err().contains("error[E302]"), r.err());
  }

  @Test
  void badBoundsAreBadOptions() throws IOException {
    Path p = Files.writeString(tmp.resolve("ok.calm"), "table a(x: int).\na(1).\n");
    assertEquals(2, Cli.run("run", p.toString(), "--max-ticks", "0").status());
    assertEquals(2, Cli.run("run", p.toString(), "--max-facts", "many").status());
    assertEquals(0, Cli.run("run", p.toString()).status());
  }

  @Test
  void withoutDeclaredOutputsEveryUnreadRelationIsShown() throws IOException {
    Path p = Files.writeString(tmp.resolve("p.calm"), """
        table a(x: int).
        table b(x: int).
        table c(x: int).
        a(1).
        b(X) :- a(X).
        c(X) :- a(X).
        """);
    Cli r = Cli.run("run", p.toString(), "--format", "csv");
    assertEquals("b\t1\nc\t1\n", r.out());
  }
}
