package calm.cli;

import calm.analysis.FileReport;
import calm.analysis.calm.ConstraintVerdict;
import calm.analysis.calm.CoordinationPoint;
import calm.analysis.calm.OutputVerdict;
import calm.analysis.calm.PointKind;
import calm.diagnostics.Diagnostic;
import calm.diagnostics.Severity;
import calm.syntax.Span;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * The machine format of §10: {@code {"files": [{"path", "diagnostics", "coordinationPoints",
 * "outputs"}]}}. Beyond the promised fields a diagnostic carries its {@code name} and, when it has
 * them, {@code help} (an array of lines) and {@code related} locations. With {@code quiet}, warnings
 * and notes are left out.
 *
 * <p>Written with Jackson's streaming generator rather than a tree: every output lists the lines of
 * all the points upstream of it, which in a large program is tens of millions of numbers.
 */
final class JsonRenderer implements ReportRenderer {
  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final boolean quiet;

  JsonRenderer(boolean quiet) {
    this.quiet = quiet;
  }

  @Override
  public void write(List<FileReport> reports, Writer out) throws IOException {
    try (JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeArrayFieldStart("files");
      for (FileReport report : reports) {
        file(report, json);
      }
      json.writeEndArray();
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
    json.writeNumberField("line", p.at().line());
    json.writeNumberField("column", p.at().column());
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
    json.writeEndObject();
  }

  private static void span(Span span, JsonGenerator json) throws IOException {
    json.writeNumberField("line", span.line());
    json.writeNumberField("column", span.column());
    json.writeNumberField("endLine", span.endLine());
    json.writeNumberField("endColumn", span.endColumn());
  }
}
