package calm.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import calm.analysis.calm.PointDiagnostics;
import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.diagnostics.Severity;
import calm.source.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The checks' diagnostics and the coordination points merge in report order (line, column, code),
 * points at one place in the order they came, whether or not they came in the file's order.
 */
class ReportDiagnosticsOrderTest {
  private static final Code[] CODES = {Code.UNKNOWN_RELATION, Code.ARITY_MISMATCH, Code.UNSAFE_VARIABLE};

  @Test
  void mergesInReportOrderAsASortOfEverythingWould() {
    Random random = new Random(19);
    for (int round = 0; round < 200; round++) {
      boolean inFileOrder = round % 2 == 0;
      List<Span> pointSpans = new ArrayList<>();
      int pointCount = random.nextInt(12);
      for (int i = 0; i < pointCount; i++) {
        pointSpans.add(Span.point(1 + random.nextInt(5), 1 + random.nextInt(3)));
      }
      if (inFileOrder) {
        pointSpans.sort(Comparator.comparingInt(Span::line).thenComparingInt(Span::column));
      }
      List<Diagnostic> held = new ArrayList<>();
      int heldCount = random.nextInt(12);
      for (int i = 0; i < heldCount; i++) {
        Span at = Span.point(1 + random.nextInt(5), 1 + random.nextInt(3));
        held.add(Diagnostic.of(CODES[random.nextInt(CODES.length)], at, "held " + i));
      }
      ReportDiagnostics merged = ReportDiagnostics.of(held, points(pointSpans));
      assertEquals(expected(held, pointSpans), messages(merged), "round " + round);
    }
  }

  /** The naive order: every diagnostic written, then one stable sort by line, column and code. */
  private static List<String> expected(List<Diagnostic> held, List<Span> pointSpans) {
    List<Diagnostic> all = new ArrayList<>(held);
    for (int i = 0; i < pointSpans.size(); i++) {
      all.add(point(pointSpans, i));
    }
    all.sort(
        Comparator.comparingInt((Diagnostic d) -> d.span().line())
            .thenComparingInt(d -> d.span().column())
            .thenComparing(d -> d.code().id()));
    return all.stream().map(Diagnostic::message).toList();
  }

  private static List<String> messages(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostic::message).toList();
  }

  private static Diagnostic point(List<Span> spans, int index) {
    return Diagnostic.of(Code.COORDINATION_POINT, spans.get(index), "point " + index);
  }

  private static PointDiagnostics points(List<Span> spans) {
    return new PointDiagnostics() {
      @Override
      public int size() {
        return spans.size();
      }

      @Override
      public Span span(int index) {
        return spans.get(index);
      }

      @Override
      public Severity severity(int index) {
        return Severity.ERROR;
      }

      @Override
      public Diagnostic write(int index) {
        return point(spans, index);
      }
    };
  }
}
