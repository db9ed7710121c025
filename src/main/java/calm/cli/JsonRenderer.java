package calm.cli;

import calm.analysis.FileReport;
import calm.analysis.calm.CoordinationPoint;
import calm.analysis.calm.OutputVerdict;
import calm.analysis.calm.PointKind;
import calm.diagnostics.Diagnostic;
import calm.diagnostics.Severity;
import calm.syntax.Span;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The machine format of §10: {@code {"files": [{"path", "diagnostics", "coordinationPoints",
 * "outputs"}]}}. Beyond the promised fields a diagnostic carries its {@code name} and, when it has
 * them, {@code help} (an array of lines) and {@code related} locations. With {@code quiet}, warnings
 * and notes are left out.
 */
final class JsonRenderer {
  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final boolean quiet;

  JsonRenderer(boolean quiet) {
    this.quiet = quiet;
  }

  String render(List<FileReport> reports) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode files = root.putArray("files");
    for (FileReport report : reports) {
      ObjectNode file = files.addObject();
      file.put("path", report.source().displayPath());
      ArrayNode diagnostics = file.putArray("diagnostics");
      for (Diagnostic d : report.diagnostics()) {
        if (!quiet || d.severity() == Severity.ERROR) {
          diagnostic(d, diagnostics.addObject());
        }
      }
      ArrayNode points = file.putArray("coordinationPoints");
      for (CoordinationPoint p : report.calm().points()) {
        ObjectNode point = points.addObject();
        point.put("line", p.at().line());
        point.put("column", p.at().column());
        ArrayNode kinds = point.putArray("kinds");
        p.kinds().stream().sorted().map(PointKind::label).forEach(kinds::add);
        point.put("status", p.status().label());
        ArrayNode path = point.putArray("path");
        p.path().forEach(path::add);
        if (p.lastAsyncEdge() != null) {
          ObjectNode edge = point.putObject("lastAsyncEdge");
          edge.put("from", p.lastAsyncEdge().from());
          edge.put("to", p.lastAsyncEdge().to());
        } else {
          point.putNull("lastAsyncEdge");
        }
      }
      ArrayNode outputs = file.putArray("outputs");
      for (OutputVerdict v : report.calm().outputs()) {
        ObjectNode output = outputs.addObject();
        output.put("relation", v.relation());
        output.put("verdict", v.verdict().label());
        ArrayNode lines = output.putArray("pointLines");
        v.pointLines().forEach(lines::add);
      }
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void diagnostic(Diagnostic d, ObjectNode node) {
    node.put("code", d.code().id());
    node.put("name", d.code().slug());
    node.put("severity", d.severity().label());
    node.put("message", d.message());
    span(d.span(), node);
    if (!d.help().isEmpty()) {
      ArrayNode help = node.putArray("help");
      d.help().forEach(help::add);
    }
    if (!d.related().isEmpty()) {
      ArrayNode related = node.putArray("related");
      for (Diagnostic.Related r : d.related()) {
        ObjectNode item = related.addObject();
        item.put("message", r.message());
        span(r.span(), item);
      }
    }
  }

  private static void span(Span span, ObjectNode node) {
    node.put("line", span.line());
    node.put("column", span.column());
    node.put("endLine", span.endLine());
    node.put("endColumn", span.endColumn());
  }
}
