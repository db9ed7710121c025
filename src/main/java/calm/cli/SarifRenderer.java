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
import com.fasterxml.jackson.core.io.SerializedString;
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
    try (JsonGenerator json = JsonRenderer.FACTORY.createGenerator(out)) {
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
      // the results are written past the generator, in blocks made side by side (see results)
      json.flush();
      boolean anyResult = false;
      for (int i = 0; i < reports.size(); i++) {
        anyResult |= results(reports.get(i), artifacts.get(i), shared, anyResult, out);
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

  /** Results per block of text made at once ({@link ParallelBlocks}). */
  private static final int BLOCK = 128;

  /**
   * One result of a file, in report order: the diagnostic at {@code index} of the report, or a
   * diagnostic set aside by the triage, or (with neither) a point reported without its C001; with the
   * point it carries, if any, and the indices of its path's steps in the run's thread flow locations.
   */
  private record Planned(int index, Triage.SetAside aside, CoordinationPoint point, int[] steps) {}

  /**
   * Writes a file's results, each a JSON object, after a comma when {@code afterOthers}; returns
   * whether it wrote any. What a result depends on in the others (which C001 carries which point, the
   * numbering of the shared steps by first use) is settled first, in order, without writing any text;
   * then the results are written in blocks side by side, each block by a generator of its own: on
   * 100,000 rules they are 54,000 results and 58 MB.
   */
  private boolean results(FileReport report, Artifact artifact, SharedSteps shared, boolean afterOthers, Writer out)
      throws IOException {
    List<Planned> planned = plan(report, artifact, shared);
    int blocks = (planned.size() + BLOCK - 1) / BLOCK;
    ParallelBlocks.write(
        blocks,
        b -> block(report, artifact, planned.subList(b * BLOCK, Math.min(planned.size(), (b + 1) * BLOCK)),
            afterOthers || b > 0),
        out);
    return !planned.isEmpty();
  }

  private List<Planned> plan(FileReport report, Artifact artifact, SharedSteps shared) {
    Optional<Schema> schema = report.program().map(Schema::of);
    // The analysis reports each point as a C001 diagnostic too; one result carries both, so that
    // code scanning shows the help lines and the path together, once.
    Map<Long, CoordinationPoint> unmatched = new LinkedHashMap<>();
    for (CoordinationPoint point : report.calm().points()) {
      unmatched.put(CalmSectionRenderer.position(point.line(), point.column()), point);
    }
    List<Planned> planned = new ArrayList<>();
    Map<String, Integer> known = new HashMap<>();
    for (int i = 0; i < report.diagnostics().size(); i++) {
      if (!quiet || report.severityAt(i) == Severity.ERROR) {
        CoordinationPoint point = takePoint(report.codeAt(i), report.spanAt(i), unmatched);
        planned.add(new Planned(i, null, point, steps(point, schema, artifact, shared, known)));
      }
    }
    // Suppressed and baselined findings stay visible, marked as such (code scanning hides them).
    for (Triage.SetAside aside : triage.setAside(report)) {
      Diagnostic d = aside.diagnostic();
      CoordinationPoint point = takePoint(d.code(), d.span(), unmatched);
      planned.add(new Planned(-1, aside, point, steps(point, schema, artifact, shared, known)));
    }
    for (CoordinationPoint point : unmatched.values()) {
      if (!quiet || point.status() == PointStatus.UNACKNOWLEDGED) {
        planned.add(new Planned(-1, null, point, steps(point, schema, artifact, shared, known)));
      }
    }
    return planned;
  }

  /** Results as JSON objects separated by commas, and after one when {@code afterOthers}. */
  private String block(FileReport report, Artifact artifact, List<Planned> planned, boolean afterOthers) {
    StringWriter text = new StringWriter(1200 * planned.size());
    if (afterOthers) {
      text.write(',');
    }
    try (JsonGenerator json = JsonRenderer.FACTORY.createGenerator(text)) {
      json.setRootValueSeparator(RESULT_SEPARATOR);
      for (Planned result : planned) {
        json.writeStartObject();
        result(report, artifact, result, json);
        json.writeEndObject();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static final SerializedString RESULT_SEPARATOR = new SerializedString(",");

  private void result(FileReport report, Artifact artifact, Planned result, JsonGenerator json) throws IOException {
    CoordinationPoint point = result.point();
    if (result.index() >= 0) {
      diagnostic(report.diagnostics().get(result.index()), report, artifact, json);
      if (point != null) {
        pathFlow(point, result.steps(), json);
        acknowledged(point, json);
      }
      if (triage.baselineInUse()) {
        json.writeStringField("baselineState", "new");
      }
    } else if (result.aside() != null) {
      Triage.SetAside aside = result.aside();
      diagnostic(aside.diagnostic(), report, artifact, json);
      if (point != null) {
        pathFlow(point, result.steps(), json);
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
    } else {
      point(point, report.source(), result.steps(), artifact, json);
      acknowledged(point, json);
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
      try (JsonGenerator json = JsonRenderer.FACTORY.createGenerator(text)) {
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
      CoordinationPoint point, calm.syntax.SourceFile source, int[] steps, Artifact artifact, JsonGenerator json)
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
    pathFlow(point, steps, json);
  }

  /** The coordination point a C001 diagnostic reports, taken from those not yet matched to a result. */
  private static CoordinationPoint takePoint(Code code, Span span, Map<Long, CoordinationPoint> unmatched) {
    return code == Code.COORDINATION_POINT ? unmatched.remove(CalmSectionRenderer.position(span.line(), span.column())) : null;
  }

  /**
   * The path from the source of asynchrony as a code flow. Its steps are the declarations of the
   * relations on the path, which thousands of points share: each is written once, in the run's
   * {@code threadFlowLocations}, and a flow refers to it by index. The point itself is the result's
   * location and not repeated as a last step: on 100,000 rules that repetition alone was 8 MB.
   */
  private static void pathFlow(CoordinationPoint point, int[] steps, JsonGenerator json) throws IOException {
    if (steps.length > 0) {
      json.writeArrayFieldStart("codeFlows");
      json.writeStartObject();
      json.writeArrayFieldStart("threadFlows");
      json.writeStartObject();
      json.writeArrayFieldStart("locations");
      for (int step : steps) {
        json.writeStartObject();
        json.writeNumberField("index", step);
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

  /**
   * The indices of a point's path steps, numbered as they are first used; null without a point. A
   * relation's step is looked up once per file ({@code known}): tens of thousands of paths run through
   * the same few thousand declarations.
   */
  private static int[] steps(
      CoordinationPoint point, Optional<Schema> schema, Artifact artifact, SharedSteps shared, Map<String, Integer> known) {
    if (point == null) {
      return null;
    }
    int[] indices = new int[point.path().size()];
    int steps = 0;
    for (String relation : point.path()) {
      Integer index = known.get(relation);
      if (index == null) {
        Optional<Declaration> declaration = schema.isPresent() ? schema.get().lookup(relation) : Optional.empty();
        index = declaration.isPresent() ? shared.index(artifact, relation, declaration.get().name().span()) : -1;
        known.put(relation, index);
      }
      if (index >= 0) {
        indices[steps++] = index;
      }
    }
    return steps == indices.length ? indices : java.util.Arrays.copyOf(indices, steps);
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
