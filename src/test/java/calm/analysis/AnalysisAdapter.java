package calm.analysis;

import calm.analysis.calm.CalmReport;
import calm.analysis.calm.ConstraintVerdict;
import calm.analysis.calm.CoordinationPoint;
import calm.analysis.calm.OutputVerdict;
import calm.analysis.calm.PointKind;
import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.syntax.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one place where the marker tests touch the analysis' API: {@link Checker} in, plain strings out
 * (codes, point kinds, statuses and verdicts spelled as in {@code calm check --format json}). When the
 * analysis' internals are renamed, this class is the only test code to fix.
 *
 * <p>Suppression comments are applied as {@code calm check} applies them, so a marker file sees what a
 * user sees.
 */
final class AnalysisAdapter {
  private AnalysisAdapter() {}

  /**
   * One reported diagnostic. For a coordination point (C001), {@code kinds} and {@code status} are the
   * point's (labels as in JSON); for any other code they are empty.
   */
  record Finding(
      int line, int column, String code, String severity, String message, Set<String> kinds, String status) {}

  /** A constraint's static verdict (§12), with its name when annotated. */
  record ConstraintResult(int line, Optional<String> name, String verdict) {}

  /** Everything the markers can speak about, for one file. */
  record Result(List<Finding> findings, Map<String, String> verdicts, List<ConstraintResult> constraints) {}

  /** The JSON spellings of the four output verdicts, for checking that a marker names a real one. */
  static Set<String> outputVerdictLabels() {
    Set<String> labels = new LinkedHashSet<>();
    for (calm.analysis.calm.Verdict v : calm.analysis.calm.Verdict.values()) {
      labels.add(v.label());
    }
    return labels;
  }

  static Set<String> constraintVerdictLabels() {
    Set<String> labels = new LinkedHashSet<>();
    for (ConstraintVerdict.Kind k : ConstraintVerdict.Kind.values()) {
      labels.add(k.label());
    }
    return labels;
  }

  static Set<String> pointKindLabels() {
    Set<String> labels = new LinkedHashSet<>();
    for (PointKind k : PointKind.values()) {
      labels.add(k.label());
    }
    return labels;
  }

  static Set<String> pointStatusLabels() {
    Set<String> labels = new LinkedHashSet<>();
    for (calm.analysis.calm.PointStatus s : calm.analysis.calm.PointStatus.values()) {
      labels.add(s.label());
    }
    return labels;
  }

  /** Whether {@code id} is a diagnostic code the tool declares. */
  static boolean isCode(String id) {
    return Code.lookup(id).map(c -> c.id().equals(id)).orElse(false);
  }

  static Result check(String path, String text) {
    SourceFile source = new SourceFile(path, text);
    FileReport report = Checker.standard().check(source);
    List<Diagnostic> diagnostics = Suppressions.apply(source, report.diagnostics()).remaining();
    CalmReport calm = report.calm();
    List<Finding> findings = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      Set<String> kinds = new LinkedHashSet<>();
      String status = "";
      if (d.code() == Code.COORDINATION_POINT) {
        CoordinationPoint point = pointAt(calm, d);
        point.kinds().forEach(k -> kinds.add(k.label()));
        status = point.status().label();
      }
      findings.add(
          new Finding(
              d.span().line(),
              d.span().column(),
              d.code().id(),
              d.severity().name().toLowerCase(Locale.ROOT),
              d.message(),
              kinds,
              status));
    }
    Map<String, String> verdicts = new LinkedHashMap<>();
    for (OutputVerdict output : calm.outputs()) {
      verdicts.put(output.relation(), output.verdict().label());
    }
    List<ConstraintResult> constraints = new ArrayList<>();
    for (ConstraintVerdict c : calm.constraints()) {
      constraints.add(new ConstraintResult(c.constraint().line(), c.constraint().name(), c.verdict().label()));
    }
    return new Result(findings, verdicts, constraints);
  }

  private static CoordinationPoint pointAt(CalmReport calm, Diagnostic d) {
    return calm.points().stream()
        .filter(p -> p.line() == d.span().line() && p.column() == d.span().column())
        .findFirst()
        .orElseThrow(() -> new AssertionError("a C001 without its point in the report: " + d));
  }
}
