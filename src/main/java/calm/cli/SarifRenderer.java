package calm.cli;

import calm.analysis.FileReport;
import calm.analysis.graph.Schema;
import calm.analysis.calm.CoordinationPoint;
import calm.analysis.calm.PointHelp;
import calm.analysis.calm.PointKind;
import calm.analysis.calm.PointStatus;
import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.diagnostics.Severity;
import calm.syntax.Declaration;
import calm.source.Span;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
 *
 * <p>Written with Jackson's streaming generator, without indentation, and with what points share
 * written once (the files in {@code run.artifacts}, the path steps in {@code run.threadFlowLocations}):
 * a program of 100,000 rules has about 50,000 points whose paths run through the same declarations.
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
    try (JsonGenerator json = JsonRenderer.MAPPER.getFactory().createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.writeStartObject();
      json.writeStringField("$schema", SCHEMA);
      json.writeStringField("version", "2.1.0");
      json.writeArrayFieldStart("runs");
      json.writeStartObject();
      driver(json);
      String base = workingDirectory.toUri().toString();
      json.writeObjectFieldStart("originalUriBaseIds");
      json.writeObjectFieldStart(ROOT);
      json.writeStringField("uri", base.endsWith("/") ? base : base + "/");
      json.writeEndObject();
      json.writeEndObject();
      json.writeStringField("columnKind", "utf16CodeUnits");
      // one artifact per file, even when a file is named twice on the command line
      Map<String, Artifact> byUri = new LinkedHashMap<>();
      List<Artifact> artifacts = new ArrayList<>();
      for (FileReport report : reports) {
        Artifact named = artifact(report.source().displayPath(), byUri.size());
        artifacts.add(byUri.computeIfAbsent(named.uri(), uri -> named));
      }
      json.writeArrayFieldStart("artifacts");
      for (Artifact artifact : byUri.values()) {
        json.writeStartObject();
        json.writeFieldName("location");
        artifact.write(json, false);
        json.writeEndObject();
      }
      json.writeEndArray();
      SharedSteps shared = new SharedSteps();
      json.writeArrayFieldStart("results");
      for (int i = 0; i < reports.size(); i++) {
        results(reports.get(i), artifacts.get(i), shared, json);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("threadFlowLocations");
      for (Step step : shared.steps) {
        json.writeStartObject();
        json.writeFieldName("location");
        json.writeStartObject();
        physical(step.artifact(), step.span(), false, json);
        message(step.relation(), json);
        json.writeEndObject();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
    }
    out.write('\n');
  }

  private void driver(JsonGenerator json) throws IOException {
    json.writeObjectFieldStart("tool");
    json.writeObjectFieldStart("driver");
    json.writeStringField("name", "calm");
    json.writeStringField("version", version);
    json.writeStringField("informationUri", Homepage.URI);
    json.writeFieldName("rules");
    json.writeRawValue(Rules.JSON);
    json.writeEndObject();
    json.writeEndObject();
  }

  private void results(FileReport report, Artifact artifact, SharedSteps shared, JsonGenerator json)
      throws IOException {
    Optional<Schema> schema = report.program().map(Schema::of);
    // The analysis reports each point as a C001 diagnostic too; one result carries both, so that
    // code scanning shows the help lines and the path together, once.
    Map<Long, CoordinationPoint> unmatched = new LinkedHashMap<>();
    for (CoordinationPoint point : report.calm().points()) {
      unmatched.put(CalmSectionRenderer.position(point.at().line(), point.at().column()), point);
    }
    for (Diagnostic d : report.diagnostics()) {
      if (!quiet || d.severity() == Severity.ERROR) {
        json.writeStartObject();
        diagnostic(d, report, artifact, json);
        CoordinationPoint point = takePoint(d, unmatched);
        if (point != null) {
          pathFlow(point, schema, artifact, shared, json);
          acknowledged(point, json);
        }
        if (triage.baselineInUse()) {
          json.writeStringField("baselineState", "new");
        }
        json.writeEndObject();
      }
    }
    // Suppressed and baselined findings stay visible, marked as such (code scanning hides them).
    for (Triage.SetAside aside : triage.setAside(report)) {
      Diagnostic d = aside.diagnostic();
      json.writeStartObject();
      diagnostic(d, report, artifact, json);
      CoordinationPoint point = takePoint(d, unmatched);
      if (point != null) {
        pathFlow(point, schema, artifact, shared, json);
      }
      json.writeArrayFieldStart("suppressions");
      json.writeStartObject();
      json.writeStringField("kind", aside.kind().sarif);
      json.writeStringField("justification", aside.justification());
      json.writeEndObject();
      json.writeEndArray();
      if (triage.baselineInUse()) {
        json.writeStringField("baselineState", aside.kind() == Triage.Kind.BASELINE ? "unchanged" : "new");
      }
      json.writeEndObject();
    }
    for (CoordinationPoint point : unmatched.values()) {
      if (!quiet || point.status() == PointStatus.UNACKNOWLEDGED) {
        json.writeStartObject();
        point(point, report.source(), schema, artifact, shared, json);
        acknowledged(point, json);
        json.writeEndObject();
      }
    }
  }

  /** A point that {@code @coordinated} acknowledges is a suppression in the source, with its reason. */
  private static void acknowledged(CoordinationPoint point, JsonGenerator json) throws IOException {
    if (point.status() == PointStatus.ACKNOWLEDGED && point.rule().annotation().isPresent()) {
      json.writeArrayFieldStart("suppressions");
      json.writeStartObject();
      json.writeStringField("kind", "inSource");
      json.writeStringField("justification", "@coordinated: " + point.rule().annotation().get().reason());
      json.writeEndObject();
      json.writeEndArray();
    }
  }

  /**
   * The rules array, written once per JVM: every report carries the same one, and escaping each code's
   * long explanation twice per report was a fifth of the fuzz test's time.
   */
  private static final class Rules {
    static final String JSON = render();

    private static String render() {
      StringWriter text = new StringWriter();
      try (JsonGenerator json = JsonRenderer.MAPPER.getFactory().createGenerator(text)) {
        json.writeStartArray();
        for (Code code : Code.values()) {
          rule(code, json);
        }
        json.writeEndArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return text.toString();
    }
  }

  private static void rule(Code code, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", code.id());
    json.writeStringField("name", code.slug());
    json.writeStringField("helpUri", Homepage.help(code));
    json.writeObjectFieldStart("shortDescription");
    json.writeStringField("text", code.summary());
    json.writeEndObject();
    String explanation = code.explanation();
    json.writeObjectFieldStart("fullDescription");
    json.writeStringField("text", firstParagraph(explanation, code));
    json.writeEndObject();
    String help = code == Code.COORDINATION_POINT ? explanation.stripTrailing() + generalHelp() : explanation;
    json.writeObjectFieldStart("help");
    json.writeStringField("text", help);
    json.writeStringField("markdown", help);
    json.writeEndObject();
    json.writeObjectFieldStart("defaultConfiguration");
    json.writeStringField("level", level(code.severity()));
    json.writeEndObject();
    json.writeObjectFieldStart("properties");
    json.writeArrayFieldStart("tags");
    json.writeString(code.id().startsWith("C") ? "calm" : "correctness");
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();
  }

  /** The help sentences that every C001 result shares, which the results' messages leave out. */
  private static String generalHelp() {
    StringBuilder text = new StringBuilder("\n\n## Advice the results share\n\n"
        + "A result's `help:` lines leave out these sentences, which the text report repeats with every"
        + " point where they apply:\n\n");
    for (String sentence : PointHelp.GENERAL) {
      text.append("- ").append(sentence).append('\n');
    }
    return text.toString();
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

  private void diagnostic(Diagnostic d, FileReport report, Artifact artifact, JsonGenerator json)
      throws IOException {
    json.writeStringField("ruleId", d.code().id());
    json.writeObjectFieldStart("partialFingerprints");
    json.writeStringField(Fingerprint.SARIF_KEY, Fingerprint.of(report.source(), d));
    json.writeEndObject();
    json.writeNumberField("ruleIndex", d.code().ordinal());
    json.writeStringField("level", level(d.severity()));
    StringBuilder text = new StringBuilder(d.message());
    for (String help : d.help()) {
      // what every point's help says is in the rule's help, once
      String specific = d.code() == Code.COORDINATION_POINT ? PointHelp.specific(help) : help;
      if (!specific.isEmpty()) {
        text.append("\nhelp: ").append(specific);
      }
    }
    message(text.toString(), json);
    json.writeArrayFieldStart("locations");
    json.writeStartObject();
    physical(artifact, d.span(), json);
    json.writeEndObject();
    json.writeEndArray();
    if (!d.related().isEmpty()) {
      json.writeArrayFieldStart("relatedLocations");
      int id = 1;
      for (Diagnostic.Related r : d.related()) {
        json.writeStartObject();
        json.writeNumberField("id", id++);
        physical(artifact, r.span(), false, json);
        message(r.message(), json);
        json.writeEndObject();
      }
      json.writeEndArray();
    }
  }

  private void point(
      CoordinationPoint point,
      calm.syntax.SourceFile source,
      Optional<Schema> schema,
      Artifact artifact,
      SharedSteps shared,
      JsonGenerator json)
      throws IOException {
    boolean open = point.status() == PointStatus.UNACKNOWLEDGED;
    json.writeStringField("ruleId", Code.COORDINATION_POINT.id());
    json.writeNumberField("ruleIndex", Code.COORDINATION_POINT.ordinal());
    json.writeStringField("level", open ? "error" : "note");
    json.writeObjectFieldStart("partialFingerprints");
    json.writeStringField(Fingerprint.SARIF_KEY, Fingerprint.ofPoint(source, point));
    json.writeEndObject();
    String kinds = point.kinds().stream().sorted().map(PointKind::label).collect(Collectors.joining(", "));
    String message =
        "coordination point (" + kinds + "), " + point.status().label()
            + ": path " + String.join(" -> ", point.path())
            + (point.lastAsyncEdge() == null
                ? ""
                : "; last asynchronous edge " + point.lastAsyncEdge().from() + " -> " + point.lastAsyncEdge().to());
    message(message, json);
    json.writeArrayFieldStart("locations");
    json.writeStartObject();
    physical(artifact, point.at(), json);
    json.writeEndObject();
    json.writeEndArray();
    pathFlow(point, schema, artifact, shared, json);
  }

  /** The coordination point a C001 diagnostic reports, taken from those not yet matched to a result. */
  private static CoordinationPoint takePoint(Diagnostic d, Map<Long, CoordinationPoint> unmatched) {
    return d.code() == Code.COORDINATION_POINT
        ? unmatched.remove(CalmSectionRenderer.position(d.span().line(), d.span().column()))
        : null;
  }

  /**
   * The path from the source of asynchrony as a code flow. Its steps are the declarations of the
   * relations on the path, which thousands of points share: each is written once, in the run's
   * {@code threadFlowLocations}, and a flow refers to it by index. The point itself is the result's
   * location and not repeated as a last step: on 100,000 rules that repetition alone was 8 MB.
   */
  private void pathFlow(
      CoordinationPoint point, Optional<Schema> schema, Artifact artifact, SharedSteps shared, JsonGenerator json)
      throws IOException {
    int[] indices = new int[point.path().size()];
    int steps = 0;
    for (String relation : point.path()) {
      Optional<Declaration> declaration = schema.flatMap(s -> s.lookup(relation));
      if (declaration.isPresent()) {
        indices[steps++] = shared.index(artifact, relation, declaration.get().name().span());
      }
    }
    if (steps > 0) {
      json.writeArrayFieldStart("codeFlows");
      json.writeStartObject();
      json.writeArrayFieldStart("threadFlows");
      json.writeStartObject();
      json.writeArrayFieldStart("locations");
      for (int i = 0; i < steps; i++) {
        json.writeStartObject();
        json.writeNumberField("index", indices[i]);
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndArray();
    }
    json.writeObjectFieldStart("properties");
    json.writeStringField("status", point.status().label());
    json.writeEndObject();
  }

  private static void message(String text, JsonGenerator json) throws IOException {
    json.writeObjectFieldStart("message");
    json.writeStringField("text", text);
    json.writeEndObject();
  }

  /** A result's own location: with the file's URI, which is what code scanning reads. */
  private static void physical(Artifact artifact, Span span, JsonGenerator json) throws IOException {
    physical(artifact, span, true, json);
  }

  /**
   * A location; a secondary one (related, or a step of a path) names its file by index only. The end
   * line is left out when it is the start line, its default.
   */
  private static void physical(Artifact artifact, Span span, boolean withUri, JsonGenerator json)
      throws IOException {
    json.writeObjectFieldStart("physicalLocation");
    json.writeFieldName("artifactLocation");
    if (withUri) {
      artifact.write(json, true);
    } else {
      json.writeStartObject();
      json.writeNumberField("index", artifact.index());
      json.writeEndObject();
    }
    json.writeObjectFieldStart("region");
    json.writeNumberField("startLine", span.line());
    json.writeNumberField("startColumn", span.column());
    if (span.endLine() != span.line()) {
      json.writeNumberField("endLine", span.endLine());
    }
    json.writeNumberField(
        "endColumn", Math.max(span.endColumn(), span.line() == span.endLine() ? span.column() + 1 : 1));
    json.writeEndObject();
    json.writeEndObject();
  }

  /**
   * A file of the run: its URI (relative to {@code %SRCROOT%} when it has a base) and its index in
   * {@code run.artifacts}. Locations carry the URI as well as the index, since code scanning reads
   * the URI of a result's location.
   */
  private record Artifact(String uri, String baseId, int index) {
    void write(JsonGenerator json, boolean withIndex) throws IOException {
      json.writeStartObject();
      json.writeStringField("uri", uri);
      if (baseId != null) {
        json.writeStringField("uriBaseId", baseId);
      }
      if (withIndex) {
        json.writeNumberField("index", index);
      }
      json.writeEndObject();
    }
  }

  /** A declaration on some path, written once as a thread flow location of the run. */
  private record Step(Artifact artifact, String relation, Span span) {}

  /**
   * The run's thread flow locations, numbered as they are first used. SARIF wants them distinct, so a
   * file named twice shares its steps too.
   */
  private static final class SharedSteps {
    final List<Step> steps = new ArrayList<>();
    private final Map<Step, Integer> index = new HashMap<>();

    int index(Artifact artifact, String relation, Span span) {
      return index.computeIfAbsent(new Step(artifact, relation, span), step -> {
        steps.add(step);
        return steps.size() - 1;
      });
    }
  }

  /** A path under the working directory is relative to %SRCROOT%; any other is an absolute file URI. */
  private Artifact artifact(String displayPath, int index) {
    Path path = Path.of(displayPath);
    Path absolute = path.toAbsolutePath().normalize();
    if (absolute.startsWith(workingDirectory)) {
      String relative = workingDirectory.relativize(absolute).toString().replace('\\', '/');
      return new Artifact(encode(relative), ROOT, index);
    }
    return new Artifact(absolute.toUri().toString(), null, index);
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
