package calm.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import calm.cli.Cli;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the export of every shared bench workload through a locally built Soufflé and compares its
 * outputs with {@code calm run}'s. Without a {@code souffle} binary ({@code $SOUFFLE} or PATH) the
 * test is reported as skipped, with the reason; {@code bench/souffle-crosscheck.sh} does the same.
 */
class SouffleCrossCheckTest {
  private static final Path BENCH = Path.of("../shared/bench");

  static Optional<Path> souffle() {
    String env = System.getenv("SOUFFLE");
    if (env != null && !env.isBlank() && Files.isExecutable(Path.of(env))) {
      return Optional.of(Path.of(env));
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "souffle");
      if (!dir.isEmpty() && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  @Test
  void exportedSharedWorkloadsGiveCalmsOutputsOnSouffle(@TempDir Path tmp) throws Exception {
    Optional<Path> souffle = souffle();
    assumeTrue(
        souffle.isPresent(),
        "no souffle binary (set SOUFFLE=/path/to/souffle or put it on PATH): the export was not run"
            + " through Soufflé; bench/souffle-crosscheck.sh does the same check by hand");
    assumeTrue(Files.isDirectory(BENCH), "no shared bench workloads at " + BENCH.toAbsolutePath());
    List<Path> workloads;
    try (Stream<Path> s = Files.list(BENCH)) {
      workloads = s.filter(d -> Files.exists(d.resolve("program.calm"))).sorted().toList();
    }
    assertEquals(false, workloads.isEmpty(), "no workloads under " + BENCH);
    for (Path w : workloads) {
      Path dl = tmp.resolve(w.getFileName() + ".dl");
      Cli export = Cli.run("export", "--souffle", w.resolve("program.calm").toString(), "-o", dl.toString());
      assertEquals(0, export.status(), export.toString());
      Path calmOut = tmp.resolve(w.getFileName() + "-calm");
      Cli run =
          Cli.run("run", w.resolve("program.calm").toString(), "--facts", w.toString(), "--output-dir",
              calmOut.toString(), "--format", "csv");
      assertEquals(0, run.status(), run.toString());
      Path souffleOut = Files.createDirectories(tmp.resolve(w.getFileName() + "-souffle"));
      Process p =
          new ProcessBuilder(souffle.get().toString(), "-F", w.toString(), "-D", souffleOut.toString(), dl.toString())
              .redirectErrorStream(true)
              .start();
      String log = new String(p.getInputStream().readAllBytes());
      assertEquals(0, p.waitFor(), "souffle failed on " + dl + ":\n" + log);
      try (Stream<Path> files = Files.list(calmOut)) {
        for (Path csv : files.sorted().toList()) {
          assertEquals(sortedLines(csv), sortedLines(souffleOut.resolve(csv.getFileName())), w + ": " + csv.getFileName());
        }
      }
    }
  }

  private static List<String> sortedLines(Path file) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.sort(null);
    return lines;
  }
}
