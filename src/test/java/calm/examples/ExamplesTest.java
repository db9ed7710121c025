package calm.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import calm.Golden;
import calm.cli.Cli;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every folder under examples/: what {@code check}, {@code run} and {@code explore} print is kept in
 * its {@code expected/} folder (regenerate with {@code -Dcalm.update.golden=true} and review the
 * diff), and what its README claims — each program's coordination points, each output's verdict and
 * what the explorer shows — is asserted from the JSON reports against its {@code verdicts.txt}.
 */
class ExamplesTest {
  static final Path EXAMPLES = Path.of("examples");
  /** Few schedules and a fixed seed keep the suite fast and the goldens stable. */
  static final String RUNS = "200";

  static final String SEED = "1";

  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicNode> examples() throws IOException {
    return exampleFolders().stream().map(ExamplesTest::example);
  }

  @Test
  void everyProgramHasClaimsAndEveryFolderIsInTheIndex() throws IOException {
    String index = Files.readString(EXAMPLES.resolve("README.md"), StandardCharsets.UTF_8);
    List<Path> folders = exampleFolders();
    assertTrue(folders.size() >= 18, "the 17 cases and transitive closure: " + folders);
    for (Path folder : folders) {
      String name = folder.getFileName().toString();
      assertTrue(index.contains("(" + name + "/)"), "examples/README.md links " + name);
      assertTrue(Files.exists(folder.resolve("README.md")), folder + " has a README");
      assertEquals(
          programs(folder),
          ExampleClaims.read(folder.resolve("verdicts.txt")).programs(),
          folder + "/verdicts.txt speaks of every program in the folder");
    }
    try (Stream<Path> entries = Files.list(EXAMPLES)) {
      List<Path> unclaimed =
          entries.filter(Files::isDirectory).filter(d -> !folders.contains(d)).collect(Collectors.toList());
      assertEquals(List.of(), unclaimed, "every example folder has a verdicts.txt");
    }
  }

  @Test
  void theReadmeTablesSayWhatVerdictsTxtAsserts() throws IOException {
    for (Path folder : exampleFolders()) {
      ExampleClaims claims = claims(folder);
      TreeSet<String> asserted = new TreeSet<>();
      claims.points().forEach(p -> asserted.add(p.program() + " point " + p.line() + " " + p.kinds() + " " + p.status()));
      claims.outputs().forEach(o ->
          asserted.add(o.program() + " output " + o.relation() + " " + o.verdict() + " " + o.pointLines()));
      claims.constraints().forEach(c -> asserted.add(
          c.program() + " constraint " + c.line() + " " + c.verdict() + " " + c.explore() + " " + c.run()));
      TreeSet<String> readme = ReadmeTables.claims(folder.resolve("README.md"));
      readme.removeAll(claims.disputed());
      assertEquals(
          readme,
          asserted,
          folder + ": README.md's tables and verdicts.txt say the same");
    }
  }

  static DynamicNode example(Path folder) {
    List<DynamicNode> tests = new ArrayList<>();
    tests.add(dynamicTest("check", () -> checkOutput(folder)));
    for (String program : programs(folder)) {
      tests.add(dynamicTest("verdicts of " + program, () -> verdicts(folder, program)));
      tests.add(dynamicTest("run " + program, () -> run(folder, program)));
      tests.add(dynamicTest("explore " + program, () -> explore(folder, program)));
    }
    return dynamicContainer(folder.getFileName().toString(), tests);
  }

  private static void checkOutput(Path folder) throws IOException {
    Cli cli = Cli.run("check", "--color", "never", folder + "/");
    assertEquals(claims(folder).checkStatus(), cli.status(), cli.toString());
    assertEquals("", cli.err(), cli.toString());
    Golden.assertMatches(folder.resolve("expected/check.txt"), cli.out());
  }

  private static void verdicts(Path folder, String program) throws IOException {
    ExampleClaims claims = claims(folder);
    Cli cli = Cli.run("check", "--format", "json", folder.resolve(program).toString());
    JsonNode file = JSON.readTree(cli.out()).get("files").get(0);

    Map<Integer, String> claimedPoints = new TreeMap<>();
    claims.pointsOf(program).forEach(p -> claimedPoints.put(p.line(), p.kinds() + " " + p.status()));
    Map<Integer, String> reportedPoints = new TreeMap<>();
    for (JsonNode point : file.get("coordinationPoints")) {
      List<String> kinds = new ArrayList<>();
      point.get("kinds").forEach(k -> kinds.add(k.asText()));
      reportedPoints.put(point.get("line").asInt(), String.join(",", kinds) + " " + point.get("status").asText());
    }
    claims.disputed(program, "point").forEach(line -> reportedPoints.remove(Integer.parseInt(line)));
    assertEquals(claimedPoints, reportedPoints, program + ": coordination points (line -> kinds status)");

    Map<String, String> claimedOutputs = new TreeMap<>();
    claims.outputsOf(program).forEach(o -> claimedOutputs.put(o.relation(), o.verdict() + " " + o.pointLines()));
    Map<String, String> reportedOutputs = new TreeMap<>();
    for (JsonNode output : file.get("outputs")) {
      List<String> lines = new ArrayList<>();
      output.get("pointLines").forEach(l -> lines.add(l.asText()));
      reportedOutputs.put(
          output.get("relation").asText(),
          output.get("verdict").asText() + " " + (lines.isEmpty() ? "-" : String.join(",", lines)));
    }
    claims.disputed(program, "output").forEach(reportedOutputs::remove);
    assertEquals(claimedOutputs, reportedOutputs, program + ": output verdicts (relation -> verdict lines)");

    Map<Integer, String> claimedConstraints = new TreeMap<>();
    claims.constraintsOf(program).forEach(c -> claimedConstraints.put(c.line(), c.verdict()));
    Map<Integer, String> reportedConstraints = new TreeMap<>();
    file.get("constraints").forEach(c -> reportedConstraints.put(c.get("line").asInt(), c.get("verdict").asText()));
    assertEquals(claimedConstraints, reportedConstraints, program + ": constraint verdicts (line -> verdict)");
  }

  private static void run(Path folder, String program) throws IOException {
    Cli cli = Cli.run(withScenario(folder, program, "run", folder.resolve(program).toString()));
    assertEquals(claims(folder).runStatus(program), cli.status(), cli.toString());
    Golden.assertMatches(folder.resolve("expected/run-" + stem(program) + ".txt"), cli.out());
  }

  private static void explore(Path folder, String program) throws IOException {
    String[] text =
        withScenario(folder, program, "explore", folder.resolve(program).toString(), "--runs", RUNS, "--seed", SEED,
            "--color", "never");
    Cli cli = Cli.run(text);
    assertEquals(0, cli.status(), cli.toString());
    Golden.assertMatches(folder.resolve("expected/explore-" + stem(program) + ".txt"), cli.out());

    String[] json = Stream.concat(Stream.of(text), Stream.of("--format", "json")).toArray(String[]::new);
    Cli jsonCli = Cli.run(json);
    JsonNode report = JSON.readTree(jsonCli.out());
    assertEquals(Integer.parseInt(RUNS), report.get("completedRuns").asInt(), jsonCli.out());
    assertTrue(report.get("error").isNull(), jsonCli.out());
    Map<String, JsonNode> outputs = new TreeMap<>();
    report.get("outputs").forEach(o -> outputs.put(o.get("relation").asText(), o));
    TreeSet<String> claimed = new TreeSet<>(claims(folder).disputed(program, "output"));
    for (ExampleClaims.Output claim : claims(folder).outputsOf(program)) {
      claimed.add(claim.relation());
      JsonNode output = outputs.get(claim.relation());
      assertTrue(output != null, program + ": the explorer reports " + claim.relation());
      int observed = output.get("observedOutcomes").asInt();
      int fin = output.get("finalOutcomes").asInt();
      assertEquals(claim.verdict(), output.get("verdict").asText(), program + " " + claim.relation());
      if (claim.verdict().equals("confluent") || claim.verdict().equals("sealed")) {
        assertEquals(
            ExampleClaims.Exploration.ONE_OUTCOME,
            claim.explore(),
            program + " " + claim.relation() + ": CALM predicts one outcome for a " + claim.verdict() + " output");
      }
      assertTrue(
          claim.explore().shownBy(observed, fin),
          program + " " + claim.relation() + ": the README says the explorer shows " + claim.explore().word
              + "; with seed " + SEED + " and " + RUNS + " runs it saw " + observed + " observed and " + fin
              + " final outcomes");
      assertEquals(false, output.get("contradictsAnalysis").asBoolean(), program + " " + claim.relation());
    }
    assertEquals(claimed, outputs.keySet(), program + ": every output explored has a claim");
    Map<Integer, JsonNode> constraints = new TreeMap<>();
    report.get("constraints").forEach(c -> constraints.put(c.get("line").asInt(), c));
    for (ExampleClaims.Invariant claim : claims(folder).constraintsOf(program)) {
      JsonNode c = constraints.remove(claim.line());
      assertTrue(c != null, program + ": the explorer reports the constraint at line " + claim.line());
      int violated = c.get("violatedRunsKeepingSeals").asInt();
      int runs = c.get("runsKeepingSeals").asInt();
      assertTrue(claim.shownBy(violated, runs), program + " constraint at line " + claim.line()
          + ": the README says it is violated " + claim.explore() + "; the explorer saw " + violated + " of " + runs
          + " runs that keep their seals");
      assertEquals(false, c.get("contradictsAnalysis").asBoolean(), program + " constraint at line " + claim.line());
      if (claim.explore().equals("sometimes")) {
        assertTrue(!c.get("witness").isNull(), program + ": a constraint violated in some runs has a witness");
      }
    }
    assertEquals(Map.of(), constraints, program + ": every constraint explored has a claim");
  }

  /** Adds {@code --scenario PROG.scenario} when the program has one next to it. */
  private static String[] withScenario(Path folder, String program, String... args) {
    Path scenario = folder.resolve(stem(program) + ".scenario");
    if (!Files.exists(scenario)) {
      return args;
    }
    return Stream.concat(Stream.of(args), Stream.of("--scenario", scenario.toString())).toArray(String[]::new);
  }

  private static ExampleClaims claims(Path folder) throws IOException {
    return ExampleClaims.read(folder.resolve("verdicts.txt"));
  }

  static List<Path> exampleFolders() throws IOException {
    try (Stream<Path> entries = Files.list(EXAMPLES)) {
      return entries
          .filter(d -> Files.exists(d.resolve("verdicts.txt")))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  private static List<String> programs(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".calm"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String stem(String program) {
    return program.substring(0, program.length() - ".calm".length());
  }
}
