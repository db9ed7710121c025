package calm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 20, items 7 and 8: empty paths are bad options; '-', /dev/stdin and pipes are read. */
class InputPathsTest {
  private static final String PROGRAM = "table t(x: int).\noutput table o(x: int).\nt(7).\no(X) :- t(X).\n";
  private static final String BROKEN = "table t(x: int).\nt(X) :- t(Y), Y.\n";

  @TempDir Path dir;

  @Test
  void emptyPathsAreRefusedAsBadOptions() throws Exception {
    Path file = dir.resolve("p.calm");
    Files.writeString(file, PROGRAM);
    String p = file.toString();
    List<List<String>> lines = List.of(
        List.of("run", p, "--facts="), List.of("run", p, "--output-dir="), List.of("run", p, "--scenario="),
        List.of("explore", p, "--scenario="), List.of("check", p, "-o", ""), List.of("graph", p, "-o", ""),
        List.of("check", ""), List.of("run", ""), List.of("graph", ""), List.of("explore", ""));
    for (List<String> args : lines) {
      Cli cli = Cli.run(args.toArray(String[]::new));
      assertEquals(2, cli.status(), args + "\n" + cli);
      assertTrue(cli.err().contains("the path is empty"), args + "\n" + cli);
    }
    assertTrue(Files.list(dir).count() == 1, "nothing was written");
  }

  private static Cli withStandardInput(String text, String... args) {
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    try {
      return Cli.run(args);
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void aDashReadsTheProgramFromStandardInputForEveryCommand() {
    Cli check = withStandardInput(BROKEN, "check", "-");
    assertEquals(1, check.status(), check.toString());
    assertTrue(check.out().startsWith("<stdin>:2:16: error[E002]"), check.toString());
    Cli run = withStandardInput(PROGRAM, "run", "-", "--format", "csv");
    assertEquals(0, run.status(), run.toString());
    assertEquals("o\t7\n", run.out());
    Cli graph = withStandardInput(PROGRAM, "graph", "-");
    assertEquals(0, graph.status(), graph.toString());
    Cli explore = withStandardInput(PROGRAM, "explore", "-", "--runs", "2");
    assertEquals(0, explore.status(), explore.toString());
    Cli json = withStandardInput(BROKEN, "check", "--format", "json", "-");
    assertTrue(json.out().contains("\"path\" : \"<stdin>\""), json.toString());
  }

  private static List<String> java(String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), Cli.QUICK_JVM[0], Cli.QUICK_JVM[1], Cli.QUICK_JVM[2], Cli.QUICK_JVM[3],
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    return command;
  }

  @Test
  void devStdinAndProcessSubstitutionPipesAreRead() throws Exception {
    Process stdin = new ProcessBuilder(java("check", "/dev/stdin")).start();
    try (OutputStream in = stdin.getOutputStream()) {
      in.write(BROKEN.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(stdin.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(1, stdin.waitFor(), out);
    assertTrue(out.startsWith("/dev/stdin:2:16: error[E002]"), out);

    StringBuilder line = new StringBuilder("exec");
    java("run").forEach(word -> line.append(" '").append(word).append('\''));
    line.append(" <(printf '").append(PROGRAM.replace("\n", "\\n")).append("') --format csv");
    Process substituted = new ProcessBuilder("bash", "-c", line.toString()).start();
    String run = new String(substituted.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(substituted.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, substituted.waitFor(), run + err);
    assertEquals("o\t7\n", run);
  }
}
