package calm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.cli.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden runs: every {@code golden/NAME.calm} is run with {@code calm run} (plus the options in its
 * first-line {@code // args:} comment and {@code NAME.scenario} when present); the exit status,
 * stdout and stderr must equal {@code NAME.expected}. Regenerate with -Dcalm.update.golden=true, then
 * read every changed file before committing it.
 */
class GoldenRunTest {
  private static final Path DIR = Path.of("src/test/resources/eval/golden");

  @TestFactory
  Stream<DynamicTest> goldenRuns() throws IOException {
    List<Path> programs;
    try (Stream<Path> files = Files.list(DIR)) {
      programs = files.filter(p -> p.toString().endsWith(".calm")).sorted().toList();
    }
    assertTrue(programs.size() >= 10, "golden programs found: " + programs.size());
    return programs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
  }

  private static void check(Path program) throws IOException {
    String name = program.getFileName().toString().replace(".calm", "");
    List<String> args = new ArrayList<>(List.of("run", program.toString()));
    String first = Files.readAllLines(program, StandardCharsets.UTF_8).get(0);
    boolean formatGiven = false;
    if (first.startsWith("// args:")) {
      for (String a : first.substring("// args:".length()).trim().split("\\s+")) {
        args.add(a);
        formatGiven |= a.equals("--format");
      }
    }
    if (!formatGiven) {
      args.add("--format");
      args.add("csv");
    }
    Path scenario = DIR.resolve(name + ".scenario");
    if (Files.exists(scenario)) {
      args.add("--scenario");
      args.add(scenario.toString());
    }
    Cli r = Cli.run(args.toArray(new String[0]));
    String actual = "exit " + r.status() + "\n" + r.out() + (r.err().isEmpty() ? "" : "--- stderr\n" + r.err());
    Path expectedFile = DIR.resolve(name + ".expected");
    if (Boolean.getBoolean("calm.update.golden") || !Files.exists(expectedFile)) {
      Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), actual, "golden run of " + program);
  }
}
