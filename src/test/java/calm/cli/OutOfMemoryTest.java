package calm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running out of heap is one clear line and exit 2, never a JVM stack trace (in a child JVM). */
class OutOfMemoryTest {
  @TempDir Path dir;

  @Test
  void aProgramTooLargeForTheHeapGetsOneLineAndExitTwo() throws Exception {
    StringBuilder program = new StringBuilder("table t0(x: int).\nt0(0).\n");
    for (int i = 1; i < 40_000; i++) {
      program.append("table t").append(i).append("(x: int).\n");
      program.append("t").append(i).append("(X) :- t").append(i - 1).append("(X), X > ").append(i).append(".\n");
    }
    Path file = dir.resolve("big.calm");
    Files.writeString(file, program, StandardCharsets.UTF_8);
    Process process =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx24m",
                    // a child JVM that only has to run out of memory: the quick compiler and the
                    // simplest collector start it sooner and reach the limit sooner
                    "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC",
                    "-XX:-UsePerfData",
                    "-cp",
                    System.getProperty("java.class.path"),
                    Main.class.getName(),
                    "check",
                    file.toString()))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(2, process.waitFor(), err);
    assertTrue(err.contains("calm: out of memory"), err);
    assertFalse(err.contains("\tat "), err);
  }
}
