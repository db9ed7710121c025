package calm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 20, item 6: a report lost on its way to standard output is exit 2 with a message (child JVMs). */
class WriteFailureTest {
  @TempDir Path dir;

  private List<String> java(String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), Cli.QUICK_JVM[0], Cli.QUICK_JVM[1], Cli.QUICK_JVM[2], Cli.QUICK_JVM[3],
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    return command;
  }

  private Path program() throws Exception {
    Path file = dir.resolve("p.calm");
    Files.writeString(file, "table t(x: int).\noutput table o(x: int).\nt(1).\no(X) :- t(X).\n");
    return file;
  }

  /**
   * All six command lines run in one child JVM ({@link StandardOutputProbe}, through the launcher's
   * {@code Main.execute}): the full disk is the process's standard output, so it needs a process, but
   * not one per command. The exit status of the process itself is tested below.
   */
  @Test
  void aFullDiskIsExitTwoForEveryCommand() throws Exception {
    String file = program().toString();
    List<List<String>> lines = List.of(List.of("check", file), List.of("run", file), List.of("graph", file),
        List.of("explore", file, "--runs", "2"), List.of("explain", "E101"), List.of("--help"));
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), Cli.QUICK_JVM[0], Cli.QUICK_JVM[1], Cli.QUICK_JVM[2], Cli.QUICK_JVM[3],
        "-cp", System.getProperty("java.class.path"), StandardOutputProbe.class.getName()));
    lines.forEach(args -> command.add(String.join(StandardOutputProbe.WORDS, args)));
    Process process = new ProcessBuilder(command).redirectOutput(new File("/dev/full")).start();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), err);
    String[] parts = err.split("\n" + StandardOutputProbe.STATUS, -1);
    assertEquals(lines.size() + 1, parts.length, err);
    for (int i = 0; i < lines.size(); i++) {
      String printed = parts[i].substring(i == 0 ? 0 : parts[i].indexOf('\n') + 1);
      String status = parts[i + 1].lines().findFirst().orElse("");
      assertEquals("2", status, lines.get(i) + ": " + printed);
      assertTrue(printed.contains("calm: cannot write to standard output: No space left on device"),
          lines.get(i) + ": " + printed);
    }
  }

  @Test
  void aClosedStandardOutputIsExitTwo() throws Exception {
    List<String> command = java("check", program().toString());
    StringBuilder line = new StringBuilder("exec");
    command.forEach(word -> line.append(" '").append(word).append('\''));
    line.append(" >&-");
    Process process = new ProcessBuilder("bash", "-c", line.toString()).start();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(2, process.waitFor(), err);
    assertTrue(err.contains("calm: cannot write to standard output"), err);
  }
}
