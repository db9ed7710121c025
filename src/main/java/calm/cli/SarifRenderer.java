package calm.cli;

import calm.analysis.FileReport;
import calm.analysis.graph.Schema;
import calm.analysis.calm.CoordinationPoint;
import calm.analysis.calm.PointKind;
import calm.analysis.calm.PointStatus;
import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.diagnostics.Severity;
import calm.syntax.Declaration;
import calm.syntax.Span;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * SARIF 2.1.0 for code-scanning services: one run whose driver lists every diagnostic code as a rule,
 * a result per diagnostic, and a C001 result per coordination point whose code flow walks the
 * declarations of the relations on its path. Paths are relative to {@code %SRCROOT%} (the working
 * directory) so that GitHub can match them to the repository.
 */
final class SarifRenderer implements ReportRenderer {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  private static final String ROOT = "%SRCROOT%";

  private final String version;
  private final Path workingDirectory;
  private final boolean quiet;

  private final Triage triage;

  SarifRenderer(String version, Path workingDirectory, boolean quiet) {
    this(version, workingDirectory, quiet, Triage.NONE);
  }

  SarifRenderer(String version, Path workingDirectory, boolean quiet, Triage triage) {
    this.version = version;
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    this.quiet = quiet;
    this.triage = triage;
  }

  @Override
  public void write(List<FileReport> reports, Writer out) throws IOException {
    ObjectNode root = JsonRenderer.MAPPER.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "calm");
    driver.put("version", version);
    driver.put("informationUri", Homepage.URI);
    ArrayNode rules = driver.putArray("rules");
    for (Code code : Code.values()) {
      rule(code, rules.addObject());
    }
    String base = workingDirectory.toUri().toString();
    run.putObject("originalUriBaseIds").putObject(ROOT).put("uri", base.endsWith("/") ? base : base + "/");
    run.put("columnKind", "utf16CodeUnits");
    ArrayNode results = run.putArray("results");
    for (FileReport report : reports) {
      ObjectNode artifact = artifact(report.source().displayPath());
      Optional<Schema> schema = report.program().map(Schema::of);
      // The analysis reports each point as a C001 diagnostic too; one result carries both, so that
      // code scanning shows the help lines and the path together, once.
      Map<Long, CoordinationPoint> unmatched = new LinkedHashMap<>();
      for (CoordinationPoint point : report.calm().points()) {
        unmatched.put(CalmSectionRenderer.position(point.at().line(), point.at().column()), point);
      }
      for (Diagnostic d : report.diagnostics()) {
        if (!quiet || d.severity() == Severity.ERROR) {
          ObjectNode result = results.addObject();
          diagnostic(d, report, artifact, result);
          CoordinationPoint point = takePoint(d, unmatched);
          if (point != null) {
            pathFlow(point, schema, artifact, result);
            acknowledged(point, result);
          }
          if (triage.baselineInUse()) {
            result.put("baselineState", "new");
          }
        }
      }
      // Suppressed and baselined findings stay visible, marked as such (code scanning hides them).
      for (Triage.SetAside aside : triage.setAside(report)) {
        Diagnostic d = aside.diagnostic();
        ObjectNode result = results.addObject();
        diagnostic(d, report, artifact, result);
        CoordinationPoint point = takePoint(d, unmatched);
        if (point != null) {
          pathFlow(point, schema, artifact, result);
        }
        ObjectNode suppression = result.putArray("suppressions").addObject();
        suppression.put("kind", aside.kind().sarif);
        suppression.put("justification", aside.justification());
        if (triage.baselineInUse()) {
          result.put("baselineState", aside.kind() == Triage.Kind.BASELINE ? "unchanged" : "new");
        }
      }
      for (CoordinationPoint point : unmatched.values()) {
        if (!quiet || point.status() == PointStatus.UNACKNOWLEDGED) {
          ObjectNode result = results.addObject();
          point(point, report.source(), schema, artifact, result);
          acknowledged(point, result);
        }
      }
    }
    try (JsonGenerator json = JsonRenderer.MAPPER.getFactory().createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.useDefaultPrettyPrinter();
      JsonRenderer.MAPPER.writeTree(json, root);
    }
    out.write('\n');
  }

  /** A point that {@code @coordinated} acknowledges is a suppression in the source, with its reason. */
  private static void acknowledged(CoordinationPoint point, ObjectNode result) {
    if (point.status() == PointStatus.ACKNOWLEDGED && point.rule().annotation().isPresent()) {
      ObjectNode suppression = result.putArray("suppressions").addObject();
      suppression.put("kind", "inSource");
      suppression.put("justification", "@coordinated: " + point.rule().annotation().get().reason());
    }
  }

  private static void rule(Code code, ObjectNode rule) {
    rule.put("id", code.id());
    rule.put("name", code.slug());
    rule.put("helpUri", Homepage.help(code));
    rule.putObject("shortDescription").put("text", code.summary());
    String explanation = code.explanation();
    rule.putObject("fullDescription").put("text", firstParagraph(explanation, code));
    ObjectNode help = rule.putObject("help");
    help.put("text", explanation);
    help.put("markdown", explanation);
    rule.putObject("defaultConfiguration").put("level", level(code.severity()));
    rule.putObject("properties").putArray("tags").add(code.id().startsWith("C") ? "calm" : "correctness");
  }

  /** The explanation's first paragraph after its title: its summary sentence. */
  private static String firstParagraph(String explanation, Code code) {
    for (String paragraph : explanation.split("\n\\s*\n")) {
      String text = paragraph.strip();
      if (!text.isEmpty() && !text.startsWith("#")) {
        return text.replace('\n', ' ');
      }
    }
    return code.summary();
  }

  private void diagnostic(Diagnostic d, FileReport report, ObjectNode artifact, ObjectNode result) {
    result.put("ruleId", d.code().id());
    result.putObject("partialFingerprints").put(Fingerprint.SARIF_KEY, Fingerprint.of(report.source(), d));
    result.put("ruleIndex", d.code().ordinal());
    result.put("level", level(d.severity()));
    StringBuilder text = new StringBuilder(d.message());
    for (String help : d.help()) {
      text.append("\nhelp: ").append(help);
    }
    result.putObject("message").put("text", text.toString());
    location(artifact, d.span(), result.putArray("locations").addObject());
    if (!d.related().isEmpty()) {
      ArrayNode related = result.putArray("relatedLocations");
      int id = 1;
      for (Diagnostic.Related r : d.related()) {
        ObjectNode location = related.addObject();
        location.put("id", id++);
        location(artifact, r.span(), location);
        location.putObject("message").put("text", r.message());
      }
    }
  }

  private void point(
      CoordinationPoint point, calm.syntax.SourceFile source, Optional<Schema> schema, ObjectNode artifact, ObjectNode result) {
    boolean open = point.status() == PointStatus.UNACKNOWLEDGED;
    result.put("ruleId", Code.COORDINATION_POINT.id());
    result.put("ruleIndex", Code.COORDINATION_POINT.ordinal());
    result.put("level", open ? "error" : "note");
    result.putObject("partialFingerprints").put(Fingerprint.SARIF_KEY, Fingerprint.ofPoint(source, point));
    String kinds = point.kinds().stream().sorted().map(PointKind::label).collect(Collectors.joining(", "));
    String message =
        "coordination point (" + kinds + "), " + point.status().label()
            + ": path " + String.join(" -> ", point.path())
            + (point.lastAsyncEdge() == null
                ? ""
                : "; last asynchronous edge " + point.lastAsyncEdge().from() + " -> " + point.lastAsyncEdge().to());
    result.putObject("message").put("text", message);
    location(artifact, point.at(), result.putArray("locations").addObject());
    pathFlow(point, schema, artifact, result);
  }

  /** The coordination point a C001 diagnostic reports, taken from those not yet matched to a result. */
  private static CoordinationPoint takePoint(Diagnostic d, Map<Long, CoordinationPoint> unmatched) {
    return d.code() == Code.COORDINATION_POINT
        ? unmatched.remove(CalmSectionRenderer.position(d.span().line(), d.span().column()))
        : null;
  }

  /** The path from the source of asynchrony as a code flow and as related locations. */
  private void pathFlow(
      CoordinationPoint point, Optional<Schema> schema, ObjectNode artifact, ObjectNode result) {
    ArrayNode related =
        result.has("relatedLocations")
            ? (ArrayNode) result.get("relatedLocations")
            : JsonRenderer.MAPPER.createArrayNode();
    ArrayNode steps = JsonRenderer.MAPPER.createArrayNode();
    int id = related.size() + 1;
    for (String relation : point.path()) {
      Optional<Declaration> declaration = schema.flatMap(s -> s.lookup(relation));
      if (declaration.isEmpty()) {
        continue;
      }
      Span span = declaration.get().name().span();
      ObjectNode location = related.addObject();
      location.put("id", id++);
      location(artifact, span, location);
      location.putObject("message").put("text", "'" + relation + "' on the path");
      ObjectNode step = steps.addObject().putObject("location");
      location(artifact, span, step);
      step.putObject("message").put("text", relation);
    }
    if (!steps.isEmpty()) {
      ObjectNode last = steps.addObject().putObject("location");
      location(artifact, point.at(), last);
      last.putObject("message").put("text", "the coordination point");
      result.putArray("codeFlows").addObject().putArray("threadFlows").addObject().set("locations", steps);
      result.set("relatedLocations", related);
    }
    result.putObject("properties").put("status", point.status().label());
  }

  private static void location(ObjectNode artifact, Span span, ObjectNode location) {
    ObjectNode physical = location.putObject("physicalLocation");
    physical.set("artifactLocation", artifact.deepCopy());
    ObjectNode region = physical.putObject("region");
    region.put("startLine", span.line());
    region.put("startColumn", span.column());
    region.put("endLine", span.endLine());
    region.put("endColumn", Math.max(span.endColumn(), span.line() == span.endLine() ? span.column() + 1 : 1));
  }

  /** A path under the working directory is relative to %SRCROOT%; any other is an absolute file URI. */
  private ObjectNode artifact(String displayPath) {
    ObjectNode artifact = JsonRenderer.MAPPER.createObjectNode();
    Path path = Path.of(displayPath);
    Path absolute = path.toAbsolutePath().normalize();
    if (absolute.startsWith(workingDirectory)) {
      String relative = workingDirectory.relativize(absolute).toString().replace('\\', '/');
      artifact.put("uri", encode(relative));
      artifact.put("uriBaseId", ROOT);
    } else {
      artifact.put("uri", absolute.toUri().toString());
    }
    return artifact;
  }

  private static String encode(String relativePath) {
    try {
      return new URI(null, null, relativePath, null).toASCIIString();
    } catch (URISyntaxException e) {
      return relativePath;
    }
  }

  private static String level(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case NOTE -> "note";
    };
  }
}
