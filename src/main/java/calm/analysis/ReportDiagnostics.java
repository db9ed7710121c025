package calm.analysis;

import calm.analysis.calm.PointDiagnostics;
import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.diagnostics.Severity;
import calm.source.Span;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.RandomAccess;

/**
 * A file's diagnostics in report order (line, column, code): those of the checks, held, merged with
 * the coordination points (C001), written when read. Position, code and severity are answered without
 * writing anything, so counting and sorting cost no text.
 */
public final class ReportDiagnostics extends AbstractList<Diagnostic> implements RandomAccess {
  // Written out rather than chained from Comparator.comparingInt: the JDK's own lambdas are spun anew
  // at every start, while ours come ready-made from the class-data archive.
  static final Comparator<Diagnostic> ORDER = ReportDiagnostics::inOrder;

  private static int inOrder(Diagnostic a, Diagnostic b) {
    int byPosition = byPosition(a.span(), b.span());
    return byPosition != 0 ? byPosition : a.code().id().compareTo(b.code().id());
  }

  /** Line, then column. */
  private static int byPosition(Span a, Span b) {
    int byLine = Integer.compare(a.line(), b.line());
    return byLine != 0 ? byLine : Integer.compare(a.column(), b.column());
  }

  private final List<Diagnostic> held;
  private final PointDiagnostics points;
  /** For each position: an index into {@code held}, or {@code -1 - i} for point {@code i}. */
  private final int[] order;
  /**
   * How many diagnostics there are of each severity, by ordinal, and whether one is an error in the
   * program itself: counted once here, since the summary, the exit status and the triage each ask, and
   * each pass over tens of thousands of points goes through memory the report has long left.
   */
  private final int[] bySeverity = new int[Severity.values().length];
  private final boolean programError;

  private ReportDiagnostics(List<Diagnostic> held, PointDiagnostics points, int[] order) {
    this.held = held;
    this.points = points;
    this.order = order;
    boolean error = false;
    for (int i = 0; i < order.length; i++) {
      Severity severity = severity(i);
      bySeverity[severity.ordinal()]++;
      error |= severity == Severity.ERROR && !code(i).isAnalysisFinding();
    }
    this.programError = error;
  }

  /** How many diagnostics have this severity. */
  public int count(Severity severity) {
    return bySeverity[severity.ordinal()];
  }

  /** Whether an error is in the program itself ({@link Diagnostic#isProgramError()}), not a finding of the analysis. */
  public boolean hasProgramError() {
    return programError;
  }

  public static ReportDiagnostics of(List<Diagnostic> held, PointDiagnostics points) {
    List<Diagnostic> sorted = held.stream().sorted(ORDER).toList();
    // each point's place read once: a point's span is three objects away from it, in memory the
    // analysis left long ago, and a sort by spans asked for two of them a comparison
    int count = points.size();
    int[] lines = new int[count];
    int[] columns = new int[count];
    boolean inOrder = true;
    for (int i = 0; i < count; i++) {
      Span span = points.span(i);
      lines[i] = span.line();
      columns[i] = span.column();
      inOrder &= i == 0 || byPosition(lines, columns, i - 1, i) <= 0;
    }
    Integer[] byPosition = new Integer[count];
    for (int i = 0; i < count; i++) {
      byPosition[i] = i;
    }
    // the points come in rule order, which is already the file's: sorted (stably) only when not
    if (!inOrder) {
      Arrays.sort(byPosition, (i, j) -> byPosition(lines, columns, i, j));
    }
    int[] order = new int[sorted.size() + count];
    int h = 0;
    int p = 0;
    for (int k = 0; k < order.length; k++) {
      boolean takePoint =
          p < count
              && (h == sorted.size() || before(lines[byPosition[p]], columns[byPosition[p]], sorted.get(h)));
      order[k] = takePoint ? -1 - byPosition[p++] : h++;
    }
    return new ReportDiagnostics(sorted, points, order);
  }

  /** Points {@code i} and {@code j} by line, then column. */
  private static int byPosition(int[] lines, int[] columns, int i, int j) {
    int byLine = Integer.compare(lines[i], lines[j]);
    return byLine != 0 ? byLine : Integer.compare(columns[i], columns[j]);
  }

  /** Diagnostics already in the order to report them, with no points. */
  public static ReportDiagnostics inOrder(List<Diagnostic> diagnostics) {
    List<Diagnostic> held = List.copyOf(diagnostics);
    int[] order = new int[held.size()];
    Arrays.setAll(order, i -> i);
    return new ReportDiagnostics(held, PointDiagnostics.NONE, order);
  }

  /** Whether a C001 at {@code line} and {@code column} comes before {@code d} in report order. */
  private static boolean before(int line, int column, Diagnostic d) {
    if (line != d.span().line()) {
      return line < d.span().line();
    }
    if (column != d.span().column()) {
      return column < d.span().column();
    }
    return Code.COORDINATION_POINT.id().compareTo(d.code().id()) < 0;
  }

  @Override
  public Diagnostic get(int index) {
    int at = order[index];
    return at >= 0 ? held.get(at) : points.write(-1 - at);
  }

  @Override
  public int size() {
    return order.length;
  }

  public Code code(int index) {
    int at = order[index];
    return at >= 0 ? held.get(at).code() : Code.COORDINATION_POINT;
  }

  public Severity severity(int index) {
    int at = order[index];
    return at >= 0 ? held.get(at).severity() : points.severity(-1 - at);
  }

  public Span span(int index) {
    int at = order[index];
    return at >= 0 ? held.get(at).span() : points.span(-1 - at);
  }
}
