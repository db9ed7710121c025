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
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), Cli.QUICK_JVM[0], Cli.QUICK_JVM[1], Cli.QUICK_JVM[2],
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    return command;
  }

  private Path program() throws Exception {
    Path file = dir.resolve("p.calm");
    Files.writeString(file, "table t(x: int).\noutput table o(x: int).\nt(1).\no(X) :- t(X).\n");
    return file;
  }

  @Test
  void aFullDiskIsExitTwoForEveryCommand() throws Exception {
    String file = program().toString();
    for (List<String> args : List.of(List.of("check", file), List.of("run", file), List.of("graph", file),
        List.of("explore", file, "--runs", "2"), List.of("explain", "E101"), List.of("--help"))) {
      Process process = new ProcessBuilder(java(args.toArray(String[]::new)))
          .redirectOutput(new File("/dev/full"))
          .start();
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(2, process.waitFor(), args + ": " + err);
      assertTrue(err.contains("calm: cannot write to standard output: No space left on device"), args + ": " + err);
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
