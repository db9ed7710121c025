package calm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 20, item 11: output files are complete, old or new, whatever stops or races the run. */
class AtomicOutputTest {
  private static final String PROGRAM = "table limit(n: int).\ntable n(x: int).\n"
      + "output table o(x: int, s: string).\noutput table p(x: int).\nn(0).\n"
      + "n(Y) :- n(X), limit(L), X < L, Y = X + 1.\n"
      + "o(X, \"a payload long enough to make the file take a while to write\") :- n(X).\np(X) :- n(X).\n";

  @TempDir Path dir;

  private Path facts(String name, int limit) throws Exception {
    Path facts = Files.createDirectories(dir.resolve(name));
    Files.writeString(facts.resolve("limit.facts"), limit + "\n");
    return facts;
  }

  private static boolean complete(String csv, int limit) {
    return csv.lines().count() == limit + 1 && csv.endsWith("\n")
        && csv.lines().skip(limit).findFirst().orElse("").startsWith(limit + "\t");
  }

  private static boolean completeP(String csv, int limit) {
    return csv.lines().count() == limit + 1 && csv.endsWith(limit + "\n");
  }

  private void assertCompleteOldOrNew(Path out, int old, int fresh) throws Exception {
    String o = Files.readString(out.resolve("o.csv"), StandardCharsets.UTF_8);
    assertTrue(complete(o, old) || complete(o, fresh), "o.csv is neither complete version: " + o.length() + " chars");
    String p = Files.readString(out.resolve("p.csv"), StandardCharsets.UTF_8);
    assertTrue(completeP(p, old) || completeP(p, fresh), "p.csv is neither complete version");
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(List.of("o.csv", "p.csv"), files.map(f -> f.getFileName().toString()).sorted().toList(),
          "no temporary file is left behind");
    }
  }

  @Test
  void aRunKilledWhileWritingLeavesTheOldOrTheNewCompleteFiles() throws Exception {
    Path program = dir.resolve("grow.calm");
    Files.writeString(program, PROGRAM);
    Path out = dir.resolve("out");
    Cli first = Cli.run("run", program.toString(), "--facts", facts("small", 1000).toString(),
        "--output-dir", out.toString(), "--format", "csv");
    assertEquals(0, first.status(), first.err());
    Path big = facts("big", 200_000);
    for (int delay : new int[] {300, 1200, 2500, 4000}) {
      Process process = new ProcessBuilder(List.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(), Cli.QUICK_JVM[0], Cli.QUICK_JVM[1], Cli.QUICK_JVM[2], Cli.QUICK_JVM[3],
              "-cp", System.getProperty("java.class.path"), Main.class.getName(),
              "run", program.toString(), "--facts", big.toString(), "--output-dir", out.toString(),
              "--format", "csv", "--max-facts", "10000000", "--max-ticks", "1000000"))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      if (!process.waitFor(delay, TimeUnit.MILLISECONDS)) {
        process.destroy(); // SIGTERM
      }
      process.waitFor();
      assertCompleteOldOrNew(out, 1000, 200_000);
    }
  }

  @Test
  void twoRunsWritingOneDirectoryEachLeaveCompleteFiles() throws Exception {
    Path program = dir.resolve("grow.calm");
    Files.writeString(program, PROGRAM);
    Path out = dir.resolve("shared");
    Path a = facts("a", 20_000);
    Path b = facts("b", 30_000);
    for (int round = 0; round < 3; round++) {
      Thread other = new Thread(() -> Cli.run("run", program.toString(), "--facts", a.toString(),
          "--output-dir", out.toString(), "--format", "csv", "--max-ticks", "100000"));
      other.start();
      Cli mine = Cli.run("run", program.toString(), "--facts", b.toString(), "--output-dir", out.toString(),
          "--format", "csv", "--max-ticks", "100000");
      other.join();
      assertEquals(0, mine.status(), mine.err());
      assertCompleteOldOrNew(out, 20_000, 30_000);
    }
  }
}
