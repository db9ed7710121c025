package calm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.diagnostics.Code;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtherCommandsTest {
  @Test
  void explainPrintsTheExplanationByIdOrName() {
    Cli byId = Cli.run("explain", "E101");
    assertEquals(0, byId.status());
    assertEquals(Code.UNKNOWN_RELATION.explanation(), byId.out());
    assertTrue(byId.out().contains("## Wrong"));
    assertEquals(byId.out(), Cli.run("explain", "unknown-relation").out());
    assertEquals(byId.out(), Cli.run("explain", "e101").out());
  }

  @Test
  void explainOfAnUnknownCodeExitsTwo() {
    Cli cli = Cli.run("explain", "E999");
    assertEquals(2, cli.status());
    assertTrue(cli.err().contains("unknown diagnostic code 'E999'"), cli.toString());
  }

  @Test
  void explainWithoutACodeListsThemAll() {
    Cli cli = Cli.run("explain");
    assertEquals(0, cli.status());
    for (Code code : Code.values()) {
      assertTrue(cli.out().contains(code.id() + "  "), code.id());
    }
  }

  @Test
  void versionHelpAndCompletion() {
    Cli version = Cli.run("--version");
    assertEquals(0, version.status());
    assertTrue(version.out().startsWith("calm "), version.toString());
    Cli help = Cli.run("help", "check");
    assertEquals(0, help.status());
    assertTrue(help.out().contains("--max-warnings"), help.toString());
    assertTrue(help.out().contains("Exit status"), help.toString());
    Cli completion = Cli.run("generate-completion");
    assertEquals(0, completion.status());
    assertTrue(completion.out().contains("complete -F"), "a bash completion script");
  }

  /**
   * A command line that names a command first builds that command alone (Main, for start-up time);
   * what it prints must be what the model of all the commands prints for it.
   */
  @Test
  void aCommandBuiltAloneHasTheUsageItHasAmongAll() {
    for (String command : new String[] {"check", "explain", "graph", "export", "run", "explore", "lsp", "serve"}) {
      Cli alone = Cli.run(command, "--help");
      Cli amongAll = Cli.run("help", command);
      assertEquals(0, alone.status(), alone.toString());
      assertTrue(alone.out().startsWith("Usage: calm " + command + " "), alone.toString());
      assertEquals(amongAll.out(), alone.out(), command);
    }
    Cli typo = Cli.run("run", "x.calm", "--formt", "csv");
    assertEquals(2, typo.status());
    assertTrue(typo.err().contains("Did you mean '--format'?"), typo.toString());
    assertTrue(typo.err().contains("Try 'calm help run' for more information."), typo.toString());
  }

  /** explain and export are declared through picocli's programmatic API: a reused command line starts from the defaults. */
  @Test
  void aReusedCommandLineExplainsAndExportsFromTheDefaults(@TempDir Path dir) throws Exception {
    Main.Reusable reusable = new Main.Reusable();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(0, reusable.execute(new PrintWriter(out), new PrintWriter(err), "explain", "C001"));
    out.getBuffer().setLength(0);
    assertEquals(0, reusable.execute(new PrintWriter(out), new PrintWriter(err), "explain"));
    assertTrue(out.toString().startsWith(Code.values()[0].id() + "  "), "the list again, not C001: " + out);
    Path program = dir.resolve("tc.calm");
    Files.writeString(program, "table e(x: int, y: int).\noutput table p(x: int, y: int).\ne(1, 2).\n"
        + "p(X, Y) :- e(X, Y).\np(X, Z) :- p(X, Y), e(Y, Z).\n");
    Path written = dir.resolve("tc.dl");
    assertEquals(0, reusable.execute(new PrintWriter(out), new PrintWriter(err), "export", "--souffle",
        program.toString(), "-o", written.toString()), err.toString());
    assertTrue(Files.readString(written).contains(".output p"), Files.readString(written));
    out.getBuffer().setLength(0);
    assertEquals(0, reusable.execute(new PrintWriter(out), new PrintWriter(err), "export", "--souffle", program.toString()));
    assertTrue(out.toString().contains(".output p"), "to standard output again: " + out);
  }
}
