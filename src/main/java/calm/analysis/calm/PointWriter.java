package calm.analysis.calm;

import static calm.analysis.calm.PointContext.relationOf;

import calm.analysis.graph.Dependency;
import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.diagnostics.Severity;
import calm.syntax.Literal;
import calm.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A coordination point as users see it (§8 The CALM analysis): the {@link CoordinationPoint} with
 * its path from a source of asynchrony, and the C001 diagnostic with a note per reason, each kind's
 * own notes and remedies (from its {@link PointFinder}), and the acknowledgement that fits every kind.
 */
final class PointWriter {
  private final AsyncReach reach;
  private final PointFinders finders;
  private final Edges edges;
  /**
   * One object per distinct edge for the points whose path has no asynchronous edge of the
   * reachability's own: hundreds of thousands of points name a few thousand edges.
   */
  private final Map<AsyncEdge, AsyncEdge> firstEdges = new HashMap<>();

  PointWriter(AsyncReach reach, PointFinders finders, Edges edges) {
    this.reach = reach;
    this.finders = finders;
    this.edges = edges;
  }

  /**
   * What the points that read through one relation share, from the first of them on: a large
   * program's hundreds of thousands of points read through a few thousand relations, and each walk
   * from the source looked the relation's number up by name three times.
   */
  private final Map<String, Via> byVia = new HashMap<>();

  /**
   * The path from a source to a relation a point reads through, its edges' labels (each followed by
   * a space, as the message shows them) and its last asynchronous edge.
   */
  private record Via(List<String> path, String labels, AsyncEdge lastAsyncEdge) {}

  /**
   * The point with its path: from the source of the asynchrony the point's reason reads, to its
   * head.
   */
  CoordinationPoint point(PointDraft point) {
    String relation = relationOf(point.via);
    Via via = byVia.get(relation);
    if (via == null) {
      List<String> path = new ArrayList<>();
      path.add(reach.sourceOf(relation));
      StringBuilder labels = new StringBuilder();
      for (Dependency d : reach.pathTo(relation)) {
        path.add(d.to());
        labels.append(edges.label(d).name()).append(' ');
      }
      via = new Via(path, labels.toString(), reach.lastAsyncEdge(relation));
      byVia.put(relation, via);
    }
    List<String> path = new ArrayList<>(via.path.size() + 1);
    path.addAll(via.path);
    path.add(point.rule.head().atom().relation().text());
    AsyncEdge last = via.lastAsyncEdge;
    if (last == null) {
      last = firstEdges.computeIfAbsent(new AsyncEdge(path.get(0), path.get(1)), edge -> edge);
    }
    return new CoordinationPoint(point.rule, point.reasons.keySet(), point.status, path, last);
  }

  /** The points as C001 diagnostics, written when read, in the order of the list. */
  PointDiagnostics diagnostics(List<PointDraft> points) {
    return new PointDiagnostics() {
      @Override
      public int size() {
        return points.size();
      }

      @Override
      public Span span(int index) {
        return points.get(index).point.at();
      }

      @Override
      public Severity severity(int index) {
        return points.get(index).point.status() == PointStatus.UNACKNOWLEDGED ? Severity.ERROR : Severity.NOTE;
      }

      @Override
      public Diagnostic write(int index) {
        return diagnostic(points.get(index));
      }
    };
  }

  Diagnostic diagnostic(PointDraft found) {
    CoordinationPoint point = found.point;
    String head = point.path().get(point.path().size() - 1);
    // plain loops: a large program writes hundreds of thousands of these
    StringBuilder message = new StringBuilder(256).append("coordination point (");
    String separator = "";
    for (PointKind kind : point.kinds()) {
      message.append(separator).append(kind.label());
      separator = ", ";
    }
    message.append("): `").append(head).append("` depends on the order of asynchronous events along ");
    separator = "";
    for (String relation : point.path()) {
      message.append(separator).append(relation);
      separator = " → ";
    }
    // read on the report's threads: the map was filled by point(), before any diagnostic is written
    message.append(" (").append(byVia.get(relationOf(found.via)).labels);
    message
        .append(EdgeLabel.D.name())
        .append("); last asynchronous edge ")
        .append(point.lastAsyncEdge().from())
        .append(" → ")
        .append(point.lastAsyncEdge().to());
    Severity severity = Severity.ERROR;
    if (point.status() == PointStatus.SEALED) {
      severity = Severity.NOTE;
      message
          .append("; sealed by ")
          .append(found.sealedBy.stream().map(SealAdvice::sealText).collect(Collectors.joining(" and ")))
          .append(": a local, per-key decision");
    } else if (point.status() == PointStatus.ACKNOWLEDGED) {
      severity = Severity.NOTE;
      message
          .append("; acknowledged: @coordinated(\"")
          .append(found.rule.annotation().get().reason())
          .append("\")");
    }
    // the notes and help lines gathered first and the diagnostic made once: withRelated and
    // withHelp would copy both lists and the record for each of a point's few notes
    List<Diagnostic.Related> related = new ArrayList<>(4);
    for (PointKind kind : found.reasons.keySet()) {
      // name the atom the path goes through when it is one of this kind's, so the two agree
      List<Literal> primary = finders.primary(found, kind);
      Literal shown = Literal.among(primary, found.via) ? found.via : primary.get(0);
      related.add(new Diagnostic.Related(shown.span(), finders.reason(found, kind, shown)));
    }
    List<PointFinder> present = present(found);
    for (PointFinder finder : present) {
      finder.notes(found, (span, note) -> related.add(new Diagnostic.Related(span, note)));
    }
    List<String> help = new ArrayList<>(4);
    if (point.status() == PointStatus.UNACKNOWLEDGED) {
      for (PointFinder finder : present) {
        finder.help(found, help);
      }
      help.add(PointHelp.ACKNOWLEDGE);
    }
    return new Diagnostic(Code.COORDINATION_POINT, severity, message.toString(), point.at(), help, related);
  }

  /** The finders of the point's kinds, in registration order. */
  private List<PointFinder> present(PointDraft point) {
    List<PointFinder> present = new ArrayList<>(point.reasons.size());
    for (PointFinder finder : finders.all()) {
      if (point.has(finder.kind())) {
        present.add(finder);
      }
    }
    return present;
  }
}
