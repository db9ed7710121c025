package calm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.Golden;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What {@code calm help COMMAND}, {@code calm COMMAND --help} and the completion script print, against
 * {@code src/test/resources/golden/usage/}: a command's model may be declared by annotations or
 * through picocli's programmatic API ({@link RunCommand#spec()}), and a user must not see which.
 * Regenerate with {@code mvn -B test -Dtest=UsageGoldenTest -Dcalm.update.golden=true}.
 */
class UsageGoldenTest {
  private static final Path USAGE = Path.of("src", "test", "resources", "golden", "usage");
  private static final List<String> COMMANDS =
      List.of("check", "explain", "graph", "export", "run", "explore", "lsp", "serve");

  @TestFactory
  Stream<DynamicTest> everyCommandsUsageMatchesItsGoldenFile() {
    return COMMANDS.stream().map(command -> DynamicTest.dynamicTest(command, () -> {
      Cli help = Cli.run("help", command);
      assertEquals(0, help.status(), help.err());
      Golden.assertMatches(USAGE.resolve(command + ".txt"), help.out());
    }));
  }

  /** {@code calm COMMAND --help} builds a command line of that command alone; it says the same. */
  @TestFactory
  Stream<DynamicTest> aCommandAloneSaysWhatHelpSays() {
    return COMMANDS.stream().map(command -> DynamicTest.dynamicTest(command, () -> {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int status = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), command, "--help");
      assertEquals(0, status, err.toString());
      assertEquals(Cli.run("help", command).out(), out.toString());
    }));
  }

  @Test
  void theRootUsageAndTheCompletionScriptMatchTheirGoldenFiles() throws Exception {
    Golden.assertMatches(USAGE.resolve("calm.txt"), Cli.run("--help").out());
    Golden.assertMatches(USAGE.resolve("completion.bash"), Cli.run("generate-completion").out());
  }

  @TestFactory
  Stream<DynamicTest> everyCommandPrintsTheVersion() {
    String version = Cli.run("--version").out();
    return COMMANDS.stream().map(command -> DynamicTest.dynamicTest(command, () -> {
      assertTrue(version.startsWith("calm "), version);
      Cli shown = Cli.run(command, "-V");
      assertEquals(0, shown.status(), shown.err());
      assertEquals(version, shown.out());
      StringWriter out = new StringWriter();
      assertEquals(0, Main.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), command, "--version"));
      assertEquals(version, out.toString(), "alone");
    }));
  }
}
