package calm.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fuzz campaign: {@code N} inputs from one seed through every command, each failure written as a
 * reproducer ({@code NNNNNN.calm}, the input as it was run, and {@code NNNNNN.txt}, the command and
 * what went wrong). {@code bench/fuzz.sh} runs it; {@code FuzzTest} runs a short one in the build.
 * Inputs run on several threads ("lanes"), each with its own sandbox; input {@code i} is made from
 * the seed and {@code i} alone ({@link FuzzInputs#forInput}), so the inputs, and what they find, do
 * not depend on the number of lanes.
 */
public final class FuzzCampaign {
  /** Counts of one campaign; findings in input order. */
  record Result(int inputs, List<FuzzHarness.Finding> findings, double seconds) {}

  private FuzzCampaign() {}

  static Result run(Path root, long seed, int inputs, long boundMillis, Path work, Optional<Path> reproducers,
      int stopAfter, int lanes) throws IOException {
    List<String> corpus = FuzzInputs.examples(root);
    Map<Integer, FuzzHarness.Finding> findings = new TreeMap<>();
    Map<String, Long> nanos = new TreeMap<>();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    long started = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    Throwable[] broken = {null};
    for (int lane = 0; lane < lanes; lane++) {
      Path laneWork = Files.createDirectories(work.resolve("lane-" + lane));
      FuzzHarness harness = new FuzzHarness(laneWork, boundMillis);
      Thread thread = new Thread(() -> {
        try {
          for (int i = next.getAndIncrement(); i < inputs && found(findings) < stopAfter; i = next.getAndIncrement()) {
            Random random = FuzzInputs.forInput(seed, i);
            String program = new FuzzInputs(random, corpus).next();
            Optional<FuzzHarness.Finding> found = harness.exercise(program, random);
            int count = done.incrementAndGet();
            if (found.isPresent()) {
              FuzzHarness.Finding f = found.get();
              synchronized (findings) {
                findings.put(i, new FuzzHarness.Finding(f.command(), f.kind(), "input " + i + " of seed " + seed
                    + " (made again by FuzzInputs.forInput(" + seed + ", " + i + "))\n" + f.detail()));
              }
              if (reproducers.isPresent()) {
                write(reproducers.get(), seed, i, program, found.get(), laneWork);
              }
            }
            if (reproducers.isPresent() && count % 500 == 0) {
              System.err.printf("fuzz: %d inputs, %d findings, %.0f s%n", count, found(findings),
                  (System.nanoTime() - started) / 1e9);
            }
          }
          harness.close();
          synchronized (nanos) {
            harness.nanos.forEach((command, ns) -> nanos.merge(command, ns, Long::sum));
          }
        } catch (IOException | RuntimeException e) {
          broken[0] = e;
        }
      }, "fuzz-lane-" + lane);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    if (broken[0] != null) {
      throw new IllegalStateException("a fuzz lane failed", broken[0]);
    }
    if (reproducers.isPresent()) {
      nanos.forEach((command, ns) -> System.err.printf("fuzz: %s %.1f ms an input (summed over lanes)%n", command,
          ns / 1e6 / Math.max(1, inputs)));
    }
    List<FuzzHarness.Finding> inOrder;
    synchronized (findings) {
      inOrder = List.copyOf(findings.values());
    }
    return new Result(done.get(), inOrder, (System.nanoTime() - started) / 1e9);
  }

  private static int found(Map<Integer, FuzzHarness.Finding> findings) {
    synchronized (findings) {
      return findings.size();
    }
  }

  private static void write(Path dir, long seed, int i, String program, FuzzHarness.Finding f, Path laneWork) {
    try {
      Files.createDirectories(dir);
      String name = String.format("%06d", i);
      Files.write(dir.resolve(name + ".calm"), program.getBytes(StandardCharsets.UTF_8));
      Files.writeString(dir.resolve(name + ".txt"),
          "input " + i + " of seed " + seed + "\nkind: " + f.kind() + "\ncommand: calm "
              + f.command().replace(laneWork.resolve("sandbox/fuzz.calm").toString(), name + ".calm")
              + "\n\n" + f.detail() + "\n",
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Threads for a campaign: one per core. */
  static int lanes() {
    return Integer.getInteger("calm.fuzz.lanes", Runtime.getRuntime().availableProcessors());
  }

  /** {@code FuzzCampaign INPUTS SEED OUT-DIR [BOUND-MS]}: reproducers go to OUT-DIR/failures. */
  public static void main(String[] args) throws IOException {
    int inputs = Integer.parseInt(args[0]);
    long seed = Long.parseLong(args[1]);
    Path out = Path.of(args[2]);
    long bound = args.length > 3 ? Long.parseLong(args[3]) : 20_000;
    int lanes = lanes();
    Result result = run(Path.of("."), seed, inputs, bound, out.resolve("work"), Optional.of(out.resolve("failures")),
        Integer.MAX_VALUE, lanes);
    long hangs = result.findings().stream().filter(f -> f.kind().equals("hang")).count();
    String summary = String.format(
        "fuzz: %d inputs (seed %d, %d lanes) in %.0f s, %.1f inputs/s: %d findings (%d hangs); reproducers in %s%n",
        result.inputs(), seed, lanes, result.seconds(), result.inputs() / result.seconds(), result.findings().size(),
        hangs, out.resolve("failures"));
    System.out.print(summary);
    result.findings().stream()
        .map(FuzzHarness.Finding::kind)
        .distinct()
        .sorted(Comparator.naturalOrder())
        .forEach(kind -> System.out.println("  " + kind + ": "
            + result.findings().stream().filter(f -> f.kind().equals(kind)).count()));
    System.exit(result.findings().isEmpty() ? 0 : 1);
  }
}
