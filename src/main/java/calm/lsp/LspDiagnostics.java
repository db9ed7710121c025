package calm.lsp;

import calm.analysis.graph.Dependency;
import calm.analysis.calm.CalmAnalysis;
import calm.analysis.calm.CoordinationPoint;
import calm.diagnostics.Code;
import calm.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;

/**
 * {@code calm check}'s diagnostics as the editor's: the same code, span and message; the check's
 * related notes and {@code help:} lines as related information, and for a coordination point each hop
 * of its path as a location, so the editor can walk it.
 */
final class LspDiagnostics {
  static final String SOURCE = "calm";

  private LspDiagnostics() {}

  static List<Diagnostic> of(Snapshot snapshot) {
    Map<Span, CoordinationPoint> points = new HashMap<>();
    snapshot.analysis().ifPresent(a -> a.report().points().forEach(p -> points.put(p.at(), p)));
    List<Diagnostic> out = new ArrayList<>();
    for (calm.diagnostics.Diagnostic d : snapshot.report().diagnostics()) {
      out.add(convert(snapshot, d, Optional.ofNullable(d.code() == Code.COORDINATION_POINT ? points.get(d.span()) : null)));
    }
    return out;
  }

  private static Diagnostic convert(Snapshot snapshot, calm.diagnostics.Diagnostic d, Optional<CoordinationPoint> point) {
    Diagnostic out = new Diagnostic(Ranges.of(d.span()), d.message(), severity(d.severity()), SOURCE, d.code().id());
    List<DiagnosticRelatedInformation> related = new ArrayList<>();
    for (calm.diagnostics.Diagnostic.Related r : d.related()) {
      related.add(info(snapshot, r.span(), r.message()));
    }
    for (String help : d.help()) {
      related.add(info(snapshot, d.span(), "help: " + help));
    }
    point.ifPresent(p -> snapshot.analysis().ifPresent(a -> related.addAll(path(snapshot, a, p))));
    if (!related.isEmpty()) {
      out.setRelatedInformation(related);
    }
    return out;
  }

  static DiagnosticSeverity severity(calm.diagnostics.Severity severity) {
    return switch (severity) {
      case ERROR -> DiagnosticSeverity.Error;
      case WARNING -> DiagnosticSeverity.Warning;
      case NOTE -> DiagnosticSeverity.Information;
    };
  }

  /** Each hop of the point's path, from the source of asynchrony to the point's own rule. */
  static List<DiagnosticRelatedInformation> path(Snapshot snapshot, CalmAnalysis analysis, CoordinationPoint point) {
    List<String> path = point.path();
    List<DiagnosticRelatedInformation> hops = new ArrayList<>();
    int total = path.size();
    String source = path.get(0);
    analysis.graph().schema().lookup(source).ifPresent(d -> hops.add(info(snapshot, d.name().span(),
        "path 1/" + total + ": `" + source + "`, a source of asynchrony")));
    for (int i = 1; i < total; i++) {
      String from = path.get(i - 1);
      String to = path.get(i);
      Optional<Dependency> edge = hop(analysis, point, from, to, i == total - 1);
      String message = "path " + (i + 1) + "/" + total + ": " + from + " → " + to
          + edge.map(e -> " (" + analysis.label(e).name() + ")").orElse("");
      Span where = edge.map(e -> e.literal().span()).orElse(point.at());
      hops.add(info(snapshot, where, message));
    }
    return hops;
  }

  /** The body atom through which {@code to} reads {@code from}: in the point's own rule for the last hop. */
  private static Optional<Dependency> hop(CalmAnalysis analysis, CoordinationPoint point, String from, String to, boolean last) {
    List<Dependency> incoming = analysis.graph().incoming(to);
    if (last) {
      for (Dependency d : incoming) {
        if (d.from().equals(from) && d.rule() == point.rule()) {
          return Optional.of(d);
        }
      }
    }
    return incoming.stream().filter(d -> d.from().equals(from)).findFirst();
  }

  private static DiagnosticRelatedInformation info(Snapshot snapshot, Span span, String message) {
    return new DiagnosticRelatedInformation(new Location(snapshot.uri(), Ranges.of(span)), message);
  }
}
