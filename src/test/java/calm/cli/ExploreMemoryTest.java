package calm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 20, item 4: explore out of memory says so clearly, with one thread or several (child JVMs). */
class ExploreMemoryTest {
  @TempDir Path dir;

  @Test
  void outOfMemoryIsTheSameClearMessageForAnyNumberOfJobs() throws Exception {
    Path file = dir.resolve("grow.calm");
    Files.writeString(file, "table t(x: int).\noutput table o(x: int).\nt(0).\n"
        + "t(Y) :- t(X), Y = X + 1, X < 100000000.\no(X) :- t(X), X < 0.\n", StandardCharsets.UTF_8);
    for (String jobs : List.of("1", "2")) {
      Process process = new ProcessBuilder(List.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(), Cli.QUICK_JVM[0], Cli.QUICK_JVM[1], Cli.QUICK_JVM[2], Cli.QUICK_JVM[3], "-Xmx48m",
              "-cp", System.getProperty("java.class.path"), Main.class.getName(),
              "explore", file.toString(), "--runs", "4", "--jobs", jobs, "--max-facts", "1000000000",
              "--max-ticks", "100000"))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(2, process.waitFor(), jobs + ": " + err);
      assertTrue(err.startsWith("calm: out of memory"), jobs + ": " + err);
      assertFalse(err.contains("internal error") || err.contains("\tat "), jobs + ": " + err);
    }
  }
}
