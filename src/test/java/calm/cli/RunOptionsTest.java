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
 * {@code calm run} and the root command are declared through picocli's programmatic API
 * ({@link RunCommand#spec()}), not annotations: each option must still reach the run, with its default,
 * and the usage must say what the annotations said.
 */
class RunOptionsTest {
  @TempDir Path dir;

  private Path program() throws Exception {
    Path program = dir.resolve("count.calm");
    Files.writeString(program, "table n(x: int).\ntable limit(x: int).\noutput table o(x: int).\nn(0).\n"
        + "n(Y)@next :- n(X), limit(L), X < L, Y = X + 1.\no(X) :- n(X).\n");
    Files.createDirectories(dir.resolve("facts"));
    Files.writeString(dir.resolve("facts/limit.facts"), "3\n");
    return program;
  }

  @Test
  void everyOptionReachesTheRun() throws Exception {
    Path program = program();
    String facts = dir.resolve("facts").toString();
    Cli csv = Cli.run("run", program.toString(), "--facts", facts, "--format", "csv");
    assertEquals(0, csv.status(), csv.toString());
    assertEquals("o\t0\no\t1\no\t2\no\t3\n", csv.out());
    Cli table = Cli.run("run", program.toString(), "--facts", facts);
    assertTrue(table.out().startsWith("o (4 facts)\n  x\n  -\n  0\n"), "the default format is a table: " + table);
    Cli ticks = Cli.run("run", program.toString(), "--facts", facts, "--max-ticks", "2");
    assertEquals(1, ticks.status(), ticks.toString());
    assertTrue(ticks.err().contains("no quiescence after 2 ticks"), ticks.toString());
    Cli many = Cli.run("run", program.toString(), "--facts", facts, "--max-facts", "2");
    assertEquals(1, many.status(), many.toString());
    assertTrue(many.err().contains("the run holds more than 2 facts (bound --max-facts)"), many.toString());
    Cli traced = Cli.run("run", program.toString(), "--facts", facts, "--format", "csv", "--trace");
    assertTrue(traced.err().contains("── tick 1 ──"), traced.toString());
    Path out = dir.resolve("out");
    Cli written = Cli.run("run", program.toString(), "--facts", facts, "--output-dir", out.toString(), "--format", "csv");
    assertEquals(0, written.status(), written.toString());
    assertEquals("0\n1\n2\n3\n", Files.readString(out.resolve("o.csv")));
    Path scenario = dir.resolve("two.scenario");
    Files.writeString(scenario, "node a b\n");
    Cli nodes = Cli.run("run", program.toString(), "--facts", facts, "--scenario", scenario.toString(), "--format", "csv");
    assertEquals(0, nodes.status(), nodes.toString());
    assertTrue(nodes.out().startsWith("a\to\t"), nodes.toString());
    Cli missing = Cli.run("run");
    assertEquals(2, missing.status());
    assertTrue(missing.err().startsWith("calm: Missing required parameter: 'PROG.calm'"), missing.toString());
  }

  @Test
  void aReusedCommandLineStartsEachRunFromTheDefaults() throws Exception {
    Path program = program();
    String facts = dir.resolve("facts").toString();
    Main.Reusable reusable = new Main.Reusable();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    reusable.execute(new PrintWriter(out), new PrintWriter(err), "run", program.toString(), "--facts", facts,
        "--format", "csv", "--trace", "--max-ticks", "2");
    assertTrue(err.toString().contains("no quiescence after 2 ticks"), err.toString());
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    int status = reusable.execute(new PrintWriter(out), new PrintWriter(err), "run", program.toString(), "--facts", facts);
    assertEquals(0, status, err.toString());
    assertEquals("", err.toString(), "no trace, and the default bound of ticks");
    assertTrue(out.toString().startsWith("o (4 facts)\n"), "the default format again: " + out);
  }

  @Test
  void theUsageNamesEveryOptionWithItsDefault() {
    Cli help = Cli.run("help", "run");
    assertEquals(0, help.status());
    String usage = help.out();
    assertTrue(usage.startsWith("Usage: calm run [-hV] [--trace] [--facts=DIR] [--format=FORMAT] [--max-facts=N]\n"), usage);
    assertTrue(usage.contains("Runs a program to quiescence and prints every output relation.\nExit status: 0"), usage);
    assertTrue(usage.contains("      PROG.calm          the program to run\n"), usage);
    assertTrue(usage.contains("--format=FORMAT    how to print the outputs: table, csv, json (default:\n                           table)"), usage);
    assertTrue(usage.contains("(default: 10000)"), usage);
    assertTrue(usage.contains("(default: 50000000)"), usage);
    assertTrue(usage.contains("  -h, --help             Show this help message and exit.\n"), usage);
    assertTrue(usage.contains("  -V, --version          Print version information and exit.\n"), usage);
    Cli root = Cli.run("--help");
    assertTrue(root.out().startsWith("Usage: calm [-hV] [COMMAND]\n"
        + "Finds where a distributed rule program needs coordination (CALM), and runs it.\n"
        + "  -h, --help      Show this help message and exit.\n"
        + "  -V, --version   Print version information and exit.\nCommands:\n"), root.out());
    assertTrue(Cli.run("--version").out().startsWith("calm "));
  }
}
