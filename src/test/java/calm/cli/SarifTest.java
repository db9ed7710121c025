package calm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.analysis.FileReport;
import calm.analysis.calm.PointStatus;
import calm.diagnostics.Code;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** SARIF output validates against the official 2.1.0 schema and has what code scanning needs. */
class SarifTest {
  /** The shared directory sits next to the repository (in CI as well). */
  private static final Path SCHEMA = Path.of("..", "shared", "schemas", "sarif-schema-2.1.0.json");

  private static List<FileReport> everyGoldenCaseAndAPoint() throws IOException {
    List<FileReport> reports = new ArrayList<>();
    List<Path> cases;
    try (Stream<Path> dirs = Files.list(GoldenCheckTest.CASES)) {
      cases = dirs.filter(d -> Files.isRegularFile(d.resolve("program.calm"))).sorted().toList();
    }
    for (Path dir : cases) {
      String shown = "src/test/resources/golden/check/" + dir.getFileName() + "/program.calm";
      reports.addAll(CheckCommand.checkAll(List.of(SourceLoader.decode(shown, Files.readAllBytes(dir.resolve("program.calm"))))));
    }
    reports.add(ReportFixtures.withPoint(PointStatus.UNACKNOWLEDGED));
    reports.add(ReportFixtures.withPoint(PointStatus.SEALED));
    return reports;
  }

  /** With suppressions applied, as calm check does, so that suppressed results are validated too. */
  private static String sarif() throws IOException {
    Triage.Result triaged = Triage.apply(everyGoldenCaseAndAPoint(), java.util.Optional.empty());
    return new SarifRenderer("1.2.3", Path.of(""), false, triaged.triage()).render(triaged.reports());
  }

  @Test
  void theToolAndEveryRuleLinkToTheirDocumentation() throws IOException {
    JsonNode run = JsonTrees.MAPPER.readTree(sarif()).get("runs").get(0);
    JsonNode driver = run.get("tool").get("driver");
    assertEquals(Homepage.URI, driver.get("informationUri").asText());
    for (JsonNode rule : driver.get("rules")) {
      assertTrue(
          rule.get("helpUri").asText().endsWith("/docs/diagnostics/" + rule.get("id").asText() + ".md"),
          rule.toString());
      assertTrue(Files.isRegularFile(Path.of("docs", "diagnostics", rule.get("id").asText() + ".md")));
    }
    List<String> justifications = new ArrayList<>();
    for (JsonNode result : run.get("results")) {
      assertTrue(result.get("partialFingerprints").has(Fingerprint.SARIF_KEY), result.toString());
      if (result.has("suppressions")) {
        justifications.add(result.get("suppressions").get(0).get("justification").asText());
      }
    }
    assertTrue(justifications.contains("read by the audit job, outside the program"), justifications.toString());
    assertTrue(justifications.stream().anyMatch(j -> j.startsWith("@coordinated: ")), justifications.toString());
  }

  @Test
  void validatesAgainstTheOfficialSchema() throws IOException {
    // CI has the shared folder next to the repository: a missing schema is a broken setup, not a skip
    assertTrue(Files.isRegularFile(SCHEMA), "the SARIF schema is missing: " + SCHEMA.toAbsolutePath().normalize());
    JsonSchema schema;
    try (InputStream in = Files.newInputStream(SCHEMA)) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
    JsonNode document = JsonTrees.MAPPER.readTree(sarif());
    Set<ValidationMessage> problems = schema.validate(document);
    assertTrue(problems.isEmpty(), problems.toString());
    // and the validator does reject what the schema forbids
    ((com.fasterxml.jackson.databind.node.ObjectNode) document).put("version", "2.0.0");
    assertTrue(!schema.validate(document).isEmpty());
  }

  @Test
  void everyCodeIsARuleAndResultsUseRelativeUris() throws IOException {
    JsonNode run = JsonTrees.MAPPER.readTree(sarif()).get("runs").get(0);
    JsonNode rules = run.get("tool").get("driver").get("rules");
    assertEquals(Code.values().length, rules.size());
    for (Code code : Code.values()) {
      JsonNode rule = rules.get(code.ordinal());
      assertEquals(code.id(), rule.get("id").asText());
      assertEquals(code.severity() == calm.diagnostics.Severity.ERROR ? "error" : "warning",
          rule.get("defaultConfiguration").get("level").asText());
      assertTrue(rule.get("help").get("markdown").asText().contains("## Wrong"));
    }
    boolean sawPoint = false;
    for (JsonNode result : run.get("results")) {
      JsonNode artifact = result.get("locations").get(0).get("physicalLocation").get("artifactLocation");
      assertEquals("%SRCROOT%", artifact.get("uriBaseId").asText());
      assertTrue(!artifact.get("uri").asText().startsWith("/"), artifact.toString());
      assertEquals(result.get("ruleId").asText(), rules.get(result.get("ruleIndex").asInt()).get("id").asText());
      if (result.get("ruleId").asText().equals("C001") && artifact.get("uri").asText().equals("examples/cart.calm")) {
        sawPoint = true;
        JsonNode flow = result.get("codeFlows").get(0).get("threadFlows").get(0).get("locations");
        assertEquals(3, flow.size(), "the three relations on the path; the point is the result's location");
        JsonNode first = run.get("threadFlowLocations").get(flow.get(0).get("index").asInt());
        assertEquals(1, first.get("location").get("physicalLocation").get("region").get("startLine").asInt());
        assertEquals(5, result.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt());
      }
    }
    assertTrue(sawPoint);
  }

  @Test
  void pathStepsAreSharedAndEveryIndexPointsAtWhatItNames() throws IOException {
    JsonNode run = JsonTrees.MAPPER.readTree(sarif()).get("runs").get(0);
    JsonNode artifacts = run.get("artifacts");
    JsonNode steps = run.get("threadFlowLocations");
    Set<String> distinct = new java.util.HashSet<>();
    for (JsonNode step : steps) {
      JsonNode artifact = step.get("location").get("physicalLocation").get("artifactLocation");
      assertTrue(artifacts.has(artifact.get("index").asInt()), artifact.toString());
      assertTrue(distinct.add(step.toString()), "each relation's declaration is written once: " + step);
    }
    int references = 0;
    for (JsonNode result : run.get("results")) {
      JsonNode artifact = result.get("locations").get(0).get("physicalLocation").get("artifactLocation");
      assertEquals(artifact.get("uri"), artifacts.get(artifact.get("index").asInt()).get("location").get("uri"));
      if (result.has("codeFlows")) {
        for (JsonNode step : result.get("codeFlows").get(0).get("threadFlows").get(0).get("locations")) {
          if (step.has("index")) {
            references++;
            JsonNode shared = steps.get(step.get("index").asInt());
            assertEquals(artifact.get("index"),
                shared.get("location").get("physicalLocation").get("artifactLocation").get("index"), "a path stays in its file");
          }
        }
      }
    }
    assertTrue(references > steps.size(), references + " references to " + steps.size() + " shared steps");
  }

  @Test
  void eachRealPointIsOneResultWithItsHelpAndItsPath() throws IOException {
    FileReport checked =
        calm.analysis.Checker.standard().check(new calm.syntax.SourceFile("examples/cart.calm", ReportFixtures.CART));
    JsonNode results =
        JsonTrees.MAPPER.readTree(new SarifRenderer("1.2.3", Path.of(""), false).render(List.of(checked)))
            .get("runs").get(0).get("results");
    List<JsonNode> points = new ArrayList<>();
    results.forEach(r -> { if (r.get("ruleId").asText().equals("C001")) points.add(r); });
    assertEquals(1, points.size(), results.toString());
    JsonNode point = points.get(0);
    String text = point.get("message").get("text").asText();
    assertTrue(text.contains("seal `action_log` by a key (`seal action_log(K, _) by done(K).`)"), point.toString());
    JsonNode flow = point.get("codeFlows").get(0).get("threadFlows").get(0).get("locations");
    assertEquals(3, flow.size(), "the three relations on the path");
    // what every point's help says is in the rule's help, not in each message
    String ruleHelp = JsonTrees.MAPPER.readTree(new SarifRenderer("1.2.3", Path.of(""), false).render(List.of(checked)))
        .get("runs").get(0).get("tool").get("driver").get("rules").get(Code.COORDINATION_POINT.ordinal())
        .get("help").get("markdown").asText();
    for (String general : calm.analysis.calm.PointHelp.GENERAL) {
      assertTrue(!text.contains(general), general + " in " + text);
      assertTrue(ruleHelp.contains("- " + general), general);
    }
    // and the text report keeps them with the point
    List<String> help = checked.diagnostics().stream()
        .filter(d -> d.code() == Code.COORDINATION_POINT).findFirst().orElseThrow().help();
    assertTrue(help.contains(calm.analysis.calm.PointHelp.ACKNOWLEDGE), help.toString());
    assertTrue(help.stream().anyMatch(h -> h.endsWith("; " + calm.analysis.calm.PointHelp.GUARD_MUST_BE_WRITTEN)), help.toString());
  }

  @Test
  void aHelpLineKeepsWhatIsSpecificToItsPoint() {
    String seal = "seal `r` by a key (`seal r(K, _) by done(K).`)";
    assertEquals(seal, calm.analysis.calm.PointHelp.specific(seal + " and " + calm.analysis.calm.PointHelp.GUARD_IN_RULE
        + "; " + calm.analysis.calm.PointHelp.GUARD_MUST_BE_WRITTEN));
    assertEquals("", calm.analysis.calm.PointHelp.specific(calm.analysis.calm.PointHelp.ACKNOWLEDGE));
    assertEquals("declare `t` a scratch", calm.analysis.calm.PointHelp.specific("declare `t` a scratch"));
  }
}
