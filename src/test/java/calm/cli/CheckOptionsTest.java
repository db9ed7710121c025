package calm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code calm check} is declared through picocli's programmatic API ({@link CheckCommand#spec()}), not
 * annotations: each option must still reach the check, with its default ({@code UsageGoldenTest} holds
 * the usage).
 */
class CheckOptionsTest {
  @TempDir Path dir;

  /** Two warnings (b is never written, never read), no error, no coordination point. */
  private Path program() throws Exception {
    Path program = dir.resolve("w.calm");
    Files.writeString(program, "table a(x: int).\ntable b(x: int).\noutput table o(x: int).\na(1).\no(X) :- a(X).\n");
    return program;
  }

  @Test
  void everyOptionReachesTheCheck() throws Exception {
    String program = program().toString();
    Cli text = Cli.run("check", program);
    assertEquals(0, text.status(), text.toString());
    assertTrue(text.out().endsWith("1 file checked: 0 errors, 2 warnings\n"), "text by default: " + text);
    assertFalse(text.out().contains("\u001b["), "no colour off a terminal by default");
    Cli json = Cli.run("check", "--format", "json", program);
    assertTrue(json.out().startsWith("{"), json.toString());
    Cli sarif = Cli.run("check", "--format", "sarif", program);
    assertTrue(sarif.out().contains("\"version\" : \"2.1.0\"") || sarif.out().contains("\"version\":\"2.1.0\""), sarif.toString());
    assertEquals(1, Cli.run("check", "--werror", program).status());
    assertEquals(1, Cli.run("check", "--max-warnings", "1", program).status());
    assertEquals(0, Cli.run("check", "--max-warnings", "2", program).status());
    assertTrue(Cli.run("check", "--color", "always", program).out().contains("\u001b["));
    Cli quiet = Cli.run("check", "-q", program);
    assertEquals("1 file checked: 0 errors, 2 warnings\n", quiet.out(), "warnings left out: " + quiet);
    Path report = dir.resolve("report.txt");
    Cli written = Cli.run("check", "-o", report.toString(), program);
    assertEquals("", written.out());
    assertEquals(text.out(), Files.readString(report));
    Path baseline = dir.resolve("baseline.json");
    assertEquals(0, Cli.run("check", "--write-baseline", baseline.toString(), program).status());
    assertTrue(Files.exists(baseline));
    assertEquals(0, Cli.run("check", "--werror", "--baseline", baseline.toString(), program).status(),
        "warnings in the baseline do not fail --werror");
  }

  @Test
  void aMissingPathOrABadValueIsAnOptionError() throws Exception {
    Cli missing = Cli.run("check");
    assertEquals(2, missing.status());
    assertTrue(missing.err().startsWith("calm: Missing required parameter: 'PATH'"), missing.toString());
    Cli format = Cli.run("check", "--format", "xml", program().toString());
    assertEquals(2, format.status());
    Cli negative = Cli.run("check", "--max-warnings", "-1", program().toString());
    assertEquals(2, negative.status());
    assertTrue(negative.err().contains("--max-warnings must be 0 or more, not -1"), negative.toString());
  }

  @Test
  void aReusedCommandLineStartsEachCheckFromTheDefaults() throws Exception {
    String program = program().toString();
    Main.Reusable reusable = new Main.Reusable();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(1, reusable.execute(new PrintWriter(out), new PrintWriter(err), "check", "--werror", "-q",
        "--format", "json", "--color", "always", program));
    out.getBuffer().setLength(0);
    int status = reusable.execute(new PrintWriter(out), new PrintWriter(err), "check", program);
    assertEquals(0, status, err.toString());
    assertTrue(out.toString().contains("warning[W101]"), "text, not quiet, no --werror again: " + out);
    assertFalse(out.toString().contains("\u001b["), "and no colour: " + out);
  }
}
