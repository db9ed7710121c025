package calm.lsp;

import calm.analysis.calm.CalmAnalysis;
import calm.analysis.calm.CoordinationPoint;
import calm.analysis.calm.OutputVerdict;
import calm.analysis.calm.PointKind;
import calm.analysis.calm.PointStatus;
import calm.syntax.Declaration;
import calm.syntax.Rule;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;

/**
 * What hovering a relation name shows: its declaration as written (so key and lattice columns show as
 * soon as the language has them), its kind, whether it is asynchronous, an output's verdict and the
 * points behind it; on a rule's head, the rule's coordination point and its path.
 */
final class Hovers {
  /** An output's hover lists this many of the points behind its verdict, then counts the rest. */
  static final int SHOWN_POINTS = 10;

  private Hovers() {}

  static Optional<Hover> at(Snapshot snapshot, Position position) {
    return snapshot.occurrences().at(position).map(o -> {
      Hover hover = new Hover(new MarkupContent(MarkupKind.MARKDOWN, text(snapshot, o)));
      hover.setRange(Ranges.of(o.name().span()));
      return hover;
    });
  }

  static String text(Snapshot snapshot, Occurrence occurrence) {
    String relation = occurrence.relation();
    StringBuilder out = new StringBuilder();
    Optional<Declaration> declaration = snapshot.schema().flatMap(s -> s.lookup(relation));
    if (declaration.isEmpty()) {
      out.append("`").append(relation).append("`: not declared");
    } else {
      Declaration d = declaration.get();
      out.append("```calm\n").append(snapshot.text(d.span())).append("\n```\n\n");
      out.append(d.output() ? "output " : "").append(d.kind().keyword()).append(", declared on line ")
          .append(d.span().line());
    }
    Optional<CalmAnalysis> analysis = snapshot.analysis();
    if (analysis.isEmpty()) {
      out.append("\n\n_The CALM analysis runs once the file has no errors._");
      return out.toString();
    }
    CalmAnalysis a = analysis.get();
    if (declaration.isPresent()) {
      out.append("\n\n").append(a.isAsynchronous(relation)
          ? "**asynchronous**: it depends on an input or a channel, so its facts arrive in an order the program does not choose"
          : "**synchronous**: nothing asynchronous reaches it");
      if (a.isEvent(relation)) {
        out.append("; an **event** (an input, a channel, or a scratch that reads one): it lasts one tick");
      }
    }
    for (OutputVerdict verdict : a.report().outputs()) {
      if (verdict.relation().equals(relation)) {
        out.append("\n\n").append(verdictText(a, verdict));
      }
    }
    if (occurrence.role() == Occurrence.Role.HEAD && occurrence.item() instanceof Rule rule) {
      out.append("\n\n").append(pointText(a, rule));
    }
    return out.toString();
  }

  private static String verdictText(CalmAnalysis analysis, OutputVerdict verdict) {
    StringBuilder out = new StringBuilder("output verdict: **").append(verdict.verdict().words()).append("**");
    if (verdict.pointLines().isEmpty()) {
      return out.append(" — no coordination point lies upstream").toString();
    }
    out.append(" — ").append(switch (verdict.verdict()) {
      case SEALED -> "every upstream coordination point is sealed";
      case COORDINATED -> "every upstream coordination point is sealed or acknowledged with @coordinated";
      case NEEDS_COORDINATION -> "an upstream coordination point is neither sealed nor acknowledged";
      case CONFLUENT -> "no open coordination point lies upstream";
    }).append(':');
    List<Integer> lines = verdict.pointLines().first(SHOWN_POINTS);
    for (int line : lines) {
      for (CoordinationPoint p : analysis.report().points()) {
        if (p.line() == line) {
          out.append("\n- line ").append(line).append(": `").append(head(p)).append("`, ")
              .append(kinds(p)).append(", ").append(p.status().label());
        }
      }
    }
    int more = verdict.pointLines().asList().size() - lines.size();
    if (more > 0) {
      out.append("\n- and ").append(more).append(" more lines");
    }
    return out.toString();
  }

  static String pointText(CalmAnalysis analysis, Rule rule) {
    Optional<CoordinationPoint> point =
        analysis.report().points().stream().filter(p -> p.rule() == rule).findFirst();
    if (point.isEmpty()) {
      return "this rule is **not a coordination point**: nothing it does depends on the order of asynchronous events";
    }
    CoordinationPoint p = point.get();
    String status = switch (p.status()) {
      case UNACKNOWLEDGED -> "neither sealed nor acknowledged";
      case SEALED -> "sealed";
      case ACKNOWLEDGED -> "acknowledged with @coordinated";
    };
    return "**coordination point** (" + kinds(p) + "), " + status + "\n\npath: "
        + String.join(" → ", p.path()) + "\n\nlast asynchronous edge: " + p.lastAsyncEdge().from() + " → "
        + p.lastAsyncEdge().to() + (p.status() == PointStatus.UNACKNOWLEDGED ? "\n\n_The quick fixes (code actions) offer the remedies._" : "");
  }

  private static String kinds(CoordinationPoint p) {
    return p.kinds().stream().map(PointKind::label).collect(Collectors.joining(", "));
  }

  private static String head(CoordinationPoint p) {
    return p.path().get(p.path().size() - 1);
  }
}
