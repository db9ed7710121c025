package calm.cli;

import calm.analysis.FileReport;
import calm.analysis.calm.ConstraintVerdict;
import calm.analysis.calm.CoordinationPoint;
import calm.analysis.calm.OutputVerdict;
import calm.analysis.calm.PointKind;
import calm.diagnostics.Diagnostic;
import calm.diagnostics.Severity;
import calm.source.Span;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * The machine format of §10 What the commands promise to scripts: {@code {"files": [{"path", "diagnostics", "coordinationPoints",
 * "outputs"}]}}. Beyond the promised fields a diagnostic carries its {@code name} and, when it has
 * them, {@code help} (an array of lines) and {@code related} locations. With {@code quiet}, warnings
 * and notes are left out.
 *
 * <p>Written with Jackson's streaming generator rather than a tree: every output lists the lines of
 * all the points upstream of it, which in a large program is tens of millions of numbers.
 */
final class JsonRenderer implements ReportRenderer {
  /** jackson-core's generators alone: no mapper, whose classes a report does not need ({@link JsonTrees}). */
  static final JsonFactory FACTORY = new JsonFactory();

  private final boolean quiet;
  private final Triage triage;

  JsonRenderer(boolean quiet) {
    this(quiet, Triage.NONE);
  }

  JsonRenderer(boolean quiet, Triage triage) {
    this.quiet = quiet;
    this.triage = triage;
  }

  @Override
  public void write(List<FileReport> reports, Writer out) throws IOException {
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeObjectFieldStart("tool");
      json.writeStringField("name", "calm");
      json.writeStringField("version", CheckCommand.version());
      json.writeStringField("informationUri", Homepage.URI);
      json.writeEndObject();
      json.writeArrayFieldStart("files");
      for (FileReport report : reports) {
        file(report, json);
      }
      json.writeEndArray();
      summary(reports, json);
      json.writeEndObject();
    }
    out.write('\n');
  }

  private void file(FileReport report, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("path", report.source().displayPath());
    json.writeArrayFieldStart("diagnostics");
    for (Diagnostic d : report.diagnostics()) {
      if (!quiet || d.severity() == Severity.ERROR) {
        diagnostic(d, json);
      }
    }
    json.writeEndArray();
    json.writeArrayFieldStart("coordinationPoints");
    for (CoordinationPoint p : report.calm().points()) {
      point(p, json);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("outputs");
    for (OutputVerdict v : report.calm().outputs()) {
      json.writeStartObject();
      json.writeStringField("relation", v.relation());
      json.writeStringField("verdict", v.verdict().label());
      json.writeArrayFieldStart("pointLines");
      v.pointLines().forEach(line -> number(line, json));
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("constraints");
    for (ConstraintVerdict c : report.calm().constraints()) {
      json.writeStartObject();
      json.writeNumberField("line", c.constraint().line());
      if (c.constraint().name().isPresent()) {
        json.writeStringField("name", c.constraint().name().get());
      } else {
        json.writeNullField("name");
      }
      json.writeStringField("verdict", c.verdict().label());
      json.writeArrayFieldStart("pointLines");
      c.pointLines().forEach(line -> number(line, json));
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
    boolean analyzed = triage.analyzed(report);
    json.writeBooleanField("analyzed", analyzed);
    if (!analyzed) {
      json.writeStringField(
          "notAnalyzedBecause",
          report.program().isPresent()
              ? "the file has errors: the CALM analysis runs only on programs without them"
              : "the file could not be read or parsed");
    }
    json.writeArrayFieldStart("suppressed");
    for (Triage.SetAside aside : triage.setAside(report)) {
      json.writeStartObject();
      diagnosticFields(aside.diagnostic(), json);
      json.writeObjectFieldStart("suppression");
      json.writeStringField("kind", aside.kind() == Triage.Kind.IN_SOURCE ? "inSource" : "baseline");
      json.writeStringField("justification", aside.justification());
      json.writeEndObject();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** The numbers of the text summary line, and what was set aside or not analyzed. */
  private void summary(List<FileReport> reports, JsonGenerator json) throws IOException {
    Tally tally = Tally.of(reports, triage);
    json.writeObjectFieldStart("summary");
    json.writeNumberField("files", tally.files());
    json.writeNumberField("errors", tally.errors());
    json.writeNumberField("warnings", tally.warnings());
    json.writeNumberField("notes", tally.notes());
    json.writeNumberField("unacknowledgedCoordinationPoints", tally.openPoints());
    json.writeNumberField("suppressed", triage.count(Triage.Kind.IN_SOURCE));
    json.writeNumberField("baselined", triage.count(Triage.Kind.BASELINE));
    json.writeNumberField("notAnalyzed", reports.stream().filter(r -> !triage.analyzed(r)).count());
    json.writeEndObject();
  }

  private static void number(int value, JsonGenerator json) {
    try {
      json.writeNumber(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void point(CoordinationPoint p, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeNumberField("line", p.line());
    json.writeNumberField("column", p.column());
    json.writeArrayFieldStart("kinds");
    for (PointKind kind : p.kinds().stream().sorted().toList()) {
      json.writeString(kind.label());
    }
    json.writeEndArray();
    json.writeStringField("status", p.status().label());
    json.writeArrayFieldStart("path");
    for (String relation : p.path()) {
      json.writeString(relation);
    }
    json.writeEndArray();
    json.writeFieldName("lastAsyncEdge");
    if (p.lastAsyncEdge() != null) {
      json.writeStartObject();
      json.writeStringField("from", p.lastAsyncEdge().from());
      json.writeStringField("to", p.lastAsyncEdge().to());
      json.writeEndObject();
    } else {
      json.writeNull();
    }
    json.writeEndObject();
  }

  private static void diagnostic(Diagnostic d, JsonGenerator json) throws IOException {
    json.writeStartObject();
    diagnosticFields(d, json);
    json.writeEndObject();
  }

  private static void diagnosticFields(Diagnostic d, JsonGenerator json) throws IOException {
    json.writeStringField("code", d.code().id());
    json.writeStringField("name", d.code().slug());
    json.writeStringField("severity", d.severity().label());
    json.writeStringField("message", d.message());
    span(d.span(), json);
    if (!d.help().isEmpty()) {
      json.writeArrayFieldStart("help");
      for (String help : d.help()) {
        json.writeString(help);
      }
      json.writeEndArray();
    }
    if (!d.related().isEmpty()) {
      json.writeArrayFieldStart("related");
      for (Diagnostic.Related r : d.related()) {
        json.writeStartObject();
        json.writeStringField("message", r.message());
        span(r.span(), json);
        json.writeEndObject();
      }
      json.writeEndArray();
    }
  }

  private static void span(Span span, JsonGenerator json) throws IOException {
    json.writeNumberField("line", span.line());
    json.writeNumberField("column", span.column());
    json.writeNumberField("endLine", span.endLine());
    json.writeNumberField("endColumn", span.endColumn());
  }
}
