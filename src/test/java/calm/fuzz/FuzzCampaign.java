package calm.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A fuzz campaign: {@code N} inputs from one seed through every command, each failure written as a
 * reproducer ({@code NNNNNN.calm}, the input as it was run, and {@code NNNNNN.txt}, the command and
 * what went wrong). {@code bench/fuzz.sh} runs it; {@code FuzzTest} runs a short one in the build.
 */
public final class FuzzCampaign {
  /** Counts of one campaign. */
  record Result(int inputs, List<FuzzHarness.Finding> findings, double seconds) {}

  private FuzzCampaign() {}

  static Result run(Path root, long seed, int inputs, long boundMillis, Path work, Optional<Path> reproducers,
      int stopAfter) throws IOException {
    FuzzInputs source = new FuzzInputs(seed, FuzzInputs.examples(root));
    FuzzHarness harness = new FuzzHarness(Files.createDirectories(work), boundMillis);
    Random options = new Random(seed ^ 0x5DEECE66DL);
    List<FuzzHarness.Finding> findings = new ArrayList<>();
    long started = System.nanoTime();
    int done = 0;
    for (int i = 0; i < inputs && findings.size() < stopAfter; i++) {
      String program = source.next();
      Optional<FuzzHarness.Finding> found = harness.exercise(program, options);
      done++;
      if (found.isPresent()) {
        findings.add(found.get());
        if (reproducers.isPresent()) {
          Path dir = Files.createDirectories(reproducers.get());
          String name = String.format("%06d", i);
          Files.write(dir.resolve(name + ".calm"), program.getBytes(StandardCharsets.UTF_8));
          FuzzHarness.Finding f = found.get();
          Files.writeString(dir.resolve(name + ".txt"),
              "input " + i + " of seed " + seed + "\nkind: " + f.kind() + "\ncommand: calm "
                  + f.command().replace(work.resolve("sandbox/fuzz.calm").toString(), name + ".calm")
                  + "\n\n" + f.detail() + "\n",
              StandardCharsets.UTF_8);
        }
      }
      if (reproducers.isPresent() && (i + 1) % 500 == 0) {
        System.err.printf("fuzz: %d inputs, %d findings, %.0f s%n", i + 1, findings.size(),
            (System.nanoTime() - started) / 1e9);
      }
    }
    if (reproducers.isPresent()) {
      harness.nanos.forEach((command, ns) -> System.err.printf("fuzz: %s %.1f ms an input%n", command,
          ns / 1e6 / Math.max(1, inputs)));
    }
    return new Result(done, findings, (System.nanoTime() - started) / 1e9);
  }

  /** {@code FuzzCampaign INPUTS SEED OUT-DIR [BOUND-MS]}: reproducers go to OUT-DIR/failures. */
  public static void main(String[] args) throws IOException {
    int inputs = Integer.parseInt(args[0]);
    long seed = Long.parseLong(args[1]);
    Path out = Path.of(args[2]);
    long bound = args.length > 3 ? Long.parseLong(args[3]) : 20_000;
    Result result = run(Path.of("."), seed, inputs, bound, out.resolve("work"), Optional.of(out.resolve("failures")),
        Integer.MAX_VALUE);
    long hangs = result.findings().stream().filter(f -> f.kind().equals("hang")).count();
    String summary = String.format(
        "fuzz: %d inputs (seed %d) in %.0f s, %.1f inputs/s: %d findings (%d hangs); reproducers in %s%n",
        result.inputs(), seed, result.seconds(), result.inputs() / result.seconds(), result.findings().size(), hangs,
        out.resolve("failures"));
    System.out.print(summary);
    result.findings().stream()
        .map(FuzzHarness.Finding::kind)
        .distinct()
        .forEach(kind -> System.out.println("  " + kind + ": "
            + result.findings().stream().filter(f -> f.kind().equals(kind)).count()));
    System.exit(result.findings().isEmpty() ? 0 : 1);
  }
}
