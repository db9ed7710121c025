package calm.fuzz;

import calm.cli.Main;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Runs one program text through {@code check}, {@code run}, {@code graph} and {@code explore}
 * in-process, each on its own thread with the launcher's stack and a time bound, and says what went
 * wrong, if anything: an uncaught throwable, an internal error, an exit status outside 0/1/2, a
 * stack trace or a raw control character in what was printed, JSON that does not parse, a run over
 * its bound, or a file written outside the output directory.
 */
final class FuzzHarness {
  /** A defect: which command, what kind, and what it printed. */
  record Finding(String command, String kind, String detail) {}

  private static final long STACK_BYTES = 512L * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Time spent per command, for the campaign's summary. */
  final java.util.Map<String, Long> nanos = new java.util.TreeMap<>();

  private final Path work;
  private final long boundMillis;
  /**
   * One long-lived thread runs the commands, with the launcher's stack, and one command line whose
   * model is built once (building it was a third of a small input's time, a new thread per
   * command another part).
   */
  private ExecutorService commands = newCommandThread();
  private Main.Reusable calm = new Main.Reusable();

  /** @param work an empty directory the harness owns: the input and every output go under it */
  FuzzHarness(Path work, long boundMillis) {
    this.work = work;
    this.boundMillis = boundMillis;
  }

  Optional<Finding> exercise(String program, Random random) throws IOException {
    Path sandbox = Files.createDirectories(work.resolve("sandbox"));
    Path file = sandbox.resolve("fuzz.calm");
    Files.write(file, program.getBytes(StandardCharsets.UTF_8)); // a lone surrogate becomes ?
    Path out = sandbox.resolve("out");
    String seed = Long.toString(random.nextInt(1000));
    // node names that must never become paths outside the output directory
    Path scenario = sandbox.resolve("nodes.scenario");
    Files.writeString(scenario, "node local peer " + List.of("../escaped", work.resolve("abs").toString(), "..",
        "ok-node", ".", "a/b").get(random.nextInt(6)) + "\n", StandardCharsets.UTF_8);
    List<String> runScenario = random.nextInt(4) == 0 ? List.of("--scenario", scenario.toString()) : List.of();
    List<List<String>> commands = List.of(
        List.of("check", file.toString(), "--format", List.of("text", "json", "sarif").get(random.nextInt(3))),
        concat(List.of("run", file.toString(), "--max-ticks", "40", "--max-facts", "20000", "--output-dir",
            out.toString(), "--format", List.of("table", "csv", "json").get(random.nextInt(3))), runScenario),
        List.of("graph", file.toString(), "--format", random.nextBoolean() ? "dot" : "mermaid"),
        List.of("explore", file.toString(), "--runs", "4", "--seed", seed, "--jobs", "1", "--max-ticks", "40",
            "--max-facts", "20000", "--format", random.nextBoolean() ? "text" : "json"));
    try {
      for (List<String> command : commands) {
        Optional<Finding> found = exercise(command);
        if (found.isPresent()) {
          return found;
        }
      }
      return strayFiles(sandbox, file, out);
    } finally {
      deleteTree(sandbox);
    }
  }

  private static ExecutorService newCommandThread() {
    return Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(null, task, "fuzz-command", STACK_BYTES);
      thread.setDaemon(true); // a hung command is reported and left behind
      return thread;
    });
  }

  /** The command thread ends; a hung command's thread is left behind (it is a daemon). */
  void close() {
    commands.shutdownNow();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private Optional<Finding> exercise(List<String> args) {
    String name = args.get(0);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Main.Reusable calm = this.calm;
    Future<Integer> running = commands.submit(() ->
        calm.execute(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new)));
    long started = System.nanoTime();
    int[] status = {-1};
    Throwable[] thrown = {null};
    boolean hung = false;
    try {
      status[0] = running.get(boundMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      hung = true;
      // the hung command keeps its thread; later commands get a new thread and a new command line
      commands.shutdownNow();
      commands = newCommandThread();
      this.calm = new Main.Reusable();
    } catch (ExecutionException e) {
      thrown[0] = e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      thrown[0] = e;
    }
    nanos.merge(name, System.nanoTime() - started, Long::sum);
    String command = String.join(" ", args);
    if (hung) {
      return Optional.of(new Finding(command, "hang", "still running after " + boundMillis + " ms"));
    }
    if (thrown[0] != null) {
      StringWriter trace = new StringWriter();
      thrown[0].printStackTrace(new PrintWriter(trace));
      return Optional.of(new Finding(command, "uncaught " + thrown[0].getClass().getSimpleName(), trace.toString()));
    }
    String printed = "--- stdout\n" + cut(out.toString()) + "--- stderr\n" + cut(err.toString());
    if (status[0] < 0 || status[0] > 2) {
      return Optional.of(new Finding(command, "exit status " + status[0], printed));
    }
    if (printed.contains("internal error")) {
      return Optional.of(new Finding(command, "internal error", printed));
    }
    if (printed.contains("\tat ") || printed.contains("Exception in thread")) {
      return Optional.of(new Finding(command, "stack trace", printed));
    }
    int control = firstControl(out + err.toString());
    if (control >= 0) {
      return Optional.of(new Finding(command, String.format("raw control character U+%04X", control), printed));
    }
    if (args.contains("json") && status[0] != 2) {
      try {
        JSON.readTree(out.toString());
      } catch (IOException e) {
        return Optional.of(new Finding(command, "invalid JSON", e.getMessage() + "\n" + printed));
      }
    }
    return Optional.empty();
  }

  private static String cut(String text) {
    return text.length() <= 4000 ? text : text.substring(0, 4000) + "\n... (" + text.length() + " characters)\n";
  }

  /** A character that a terminal may act on: C0 but tab and line feed, DEL, C1. */
  static int firstControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)) {
        return c;
      }
    }
    return -1;
  }

  /** Only the program and the output directory may exist in the sandbox; nothing else under work. */
  private Optional<Finding> strayFiles(Path sandbox, Path file, Path out) throws IOException {
    List<Path> stray = new ArrayList<>();
    try (Stream<Path> all = Files.walk(work)) {
      all.filter(p -> !p.equals(work) && !p.equals(sandbox) && !p.equals(file) && !p.startsWith(out)
              && !p.getFileName().toString().equals("nodes.scenario"))
          .forEach(stray::add);
    }
    return stray.isEmpty() ? Optional.empty() : Optional.of(new Finding("run", "write outside --output-dir", stray.toString()));
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
