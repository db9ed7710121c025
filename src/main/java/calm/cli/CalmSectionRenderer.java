package calm.cli;

import calm.analysis.FileReport;
import calm.analysis.calm.CalmReport;
import calm.analysis.calm.ConstraintVerdict;
import calm.analysis.calm.CoordinationPoint;
import calm.analysis.calm.OutputVerdict;
import calm.analysis.calm.PointKind;
import calm.analysis.calm.PointLines;
import calm.analysis.calm.PointStatus;
import calm.diagnostics.Code;
import calm.diagnostics.Severity;
import calm.source.Span;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The text form of one file's CALM findings (§8 The CALM analysis): each coordination point not already reported as a
 * diagnostic (its kinds, status, path and last asynchronous edge), then each output's verdict. Kept apart from {@link TextRenderer}
 * so that the CALM analysis can shape its wording on its own.
 */
final class CalmSectionRenderer {
  static final int LINES_SHOWN = 20;

  private final Palette palette;
  private final boolean quiet;

  CalmSectionRenderer(Palette palette, boolean quiet) {
    this.palette = palette;
    this.quiet = quiet;
  }

  void render(FileReport report, StringBuilder out) {
    CalmReport calm = report.calm();
    String path = report.source().displayPath();
    long[] reported = pointDiagnosticPositions(report);
    for (CoordinationPoint point : calm.points()) {
      boolean open = point.status() == PointStatus.UNACKNOWLEDGED;
      if ((quiet && !open) || Arrays.binarySearch(reported, position(point.line(), point.column())) >= 0) {
        continue;
      }
      String kinds =
          point.kinds().stream().sorted().map(PointKind::label).collect(Collectors.joining(", "));
      out.append(palette.bold(path + ":" + point.line() + ":" + point.column() + ":"))
          .append(' ')
          .append(palette.severity(open ? Severity.ERROR : Severity.NOTE, "coordination point[C001]"))
          .append(palette.bold(" (" + kinds + "): " + point.status().label()))
          .append('\n');
      out.append("    path: ").append(String.join(" -> ", point.path())).append('\n');
      if (point.lastAsyncEdge() != null) {
        out.append("    last asynchronous edge: ")
            .append(point.lastAsyncEdge().from())
            .append(" -> ")
            .append(point.lastAsyncEdge().to())
            .append('\n');
      }
      out.append('\n');
    }
    if (!quiet) {
      for (OutputVerdict verdict : calm.outputs()) {
        out.append(path)
            .append(": output '")
            .append(verdict.relation())
            .append("': ")
            .append(verdict.verdict().words());
        pointLines(verdict.pointLines(), out);
        out.append('\n');
      }
      for (ConstraintVerdict verdict : calm.constraints()) {
        out.append(path)
            .append(": constraint ")
            .append(verdict.constraint().describe())
            .append(verdict.constraint().name().isPresent() ? " (line " + verdict.constraint().line() + ")" : "")
            .append(": ")
            .append(verdict.verdict().words());
        List<Integer> lines = verdict.pointLines();
        if (!lines.isEmpty()) {
          out.append(" (coordination points at line").append(lines.size() == 1 ? " " : "s ")
              .append(lines.stream().limit(LINES_SHOWN).map(String::valueOf).collect(Collectors.joining(", ")))
              .append(lines.size() > LINES_SHOWN ? ", ..." : "")
              .append(')');
        }
        out.append('\n');
      }
      if (!calm.outputs().isEmpty() || !calm.constraints().isEmpty()) {
        out.append('\n');
      }
    }
  }

  /**
   * The lines of the points upstream, or past {@value #LINES_SHOWN} of them how many points there are
   * and the first lines: in a large program one output can have tens of thousands of points upstream,
   * and a line that long helps no reader. JSON lists them all.
   */
  private static void pointLines(PointLines lines, StringBuilder out) {
    if (lines.isEmpty()) {
      return;
    }
    List<Integer> first = lines.first(LINES_SHOWN + 1);
    String listed = first.stream().limit(LINES_SHOWN).map(String::valueOf).collect(Collectors.joining(", "));
    if (first.size() <= LINES_SHOWN) {
      out.append(" (coordination points at line").append(first.size() == 1 ? " " : "s ").append(listed).append(')');
    } else {
      out.append(" (")
          .append(lines.pointCount())
          .append(" coordination points upstream, the first at lines ")
          .append(listed)
          .append("; --format json lists them all)");
    }
  }

  /**
   * Where the analysis's own C001 diagnostics stand, in ascending order: they already say all a
   * point's section would. An array, not a set of boxed positions: a large report has tens of
   * thousands.
   */
  static long[] pointDiagnosticPositions(FileReport report) {
    List<Span> spans = report.spansOf(Code.COORDINATION_POINT);
    long[] positions = new long[spans.size()];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = position(spans.get(i).line(), spans.get(i).column());
    }
    Arrays.sort(positions);
    return positions;
  }

  static long position(int line, int column) {
    return ((long) line << 32) | column;
  }
}
