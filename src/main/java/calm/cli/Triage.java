package calm.cli;

import calm.analysis.FileReport;
import calm.analysis.Suppressions;
import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.diagnostics.Severity;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code calm check} reports once inline suppressions and the baseline are applied: per file, the
 * findings that remain (they decide the exit status) and those set aside, which JSON and SARIF still
 * show, with the reason.
 */
final class Triage {
  /** How a finding was set aside. */
  enum Kind {
    /** a {@code // calm-ignore CODE: reason} comment */
    IN_SOURCE("inSource"),
    /** the {@code --baseline} file */
    BASELINE("external");

    /** SARIF's name for it (a suppression's {@code kind}). */
    final String sarif;

    Kind(String sarif) {
      this.sarif = sarif;
    }
  }

  record SetAside(Diagnostic diagnostic, Kind kind, String justification) {}

  /** Per file (by identity: reports are records), what was set aside and whether it was analyzed. */
  private final Map<FileReport, List<SetAside>> setAside = new IdentityHashMap<>();
  private final Map<FileReport, Boolean> analyzed = new IdentityHashMap<>();
  private final boolean baselineInUse;

  static final Triage NONE = new Triage(false);

  private Triage(boolean baselineInUse) {
    this.baselineInUse = baselineInUse;
  }

  /** The reports with suppressed and baselined findings taken out, and this triage recording them. */
  record Result(List<FileReport> reports, Triage triage) {}

  static Result apply(List<FileReport> reports, Optional<Baseline> baseline) {
    Triage triage = new Triage(baseline.isPresent());
    Baseline.Matcher matcher = baseline.map(Baseline::matcher).orElse(null);
    List<FileReport> out = new ArrayList<>();
    for (FileReport report : reports) {
      boolean wasAnalyzed = report.program().isPresent() && !report.hasErrors();
      FileReport kept = report;
      List<SetAside> aside = new ArrayList<>();
      if (Suppressions.mentioned(report.source()) || matcher != null) {
        List<Diagnostic> remaining = report.diagnostics();
        if (Suppressions.mentioned(report.source())) {
          Suppressions.Outcome outcome = Suppressions.apply(report.source(), remaining);
          remaining = outcome.remaining();
          outcome.suppressed().forEach(s -> aside.add(new SetAside(s.diagnostic(), Kind.IN_SOURCE, s.reason())));
        }
        if (matcher != null) {
          List<Diagnostic> fresh = new ArrayList<>();
          for (Diagnostic d : remaining) {
            if (d.severity() != Severity.NOTE && matcher.consume(report.source(), d)) {
              aside.add(new SetAside(d, Kind.BASELINE, "in the baseline " + matcher.display()));
            } else {
              fresh.add(d);
            }
          }
          remaining = fresh;
        }
        kept = new FileReport(report.source(), report.program(), remaining, report.calm());
      }
      triage.setAside.put(kept, List.copyOf(aside));
      triage.analyzed.put(kept, wasAnalyzed);
      out.add(kept);
    }
    return new Result(out, triage);
  }

  List<SetAside> setAside(FileReport report) {
    return setAside.getOrDefault(report, List.of());
  }

  /** Whether the CALM analysis ran on the file (it does not on a file with errors). */
  boolean analyzed(FileReport report) {
    return analyzed.getOrDefault(report, report.program().isPresent() && !report.hasErrors());
  }

  boolean baselineInUse() {
    return baselineInUse;
  }

  long count(Kind kind) {
    return setAside.values().stream().flatMap(List::stream).filter(s -> s.kind() == kind).count();
  }

  /** Open coordination points that the baseline already knows of: they no longer fail the check. */
  long baselinedOpenPoints() {
    return setAside.values().stream()
        .flatMap(List::stream)
        .filter(s -> s.kind() == Kind.BASELINE && s.diagnostic().code() == Code.COORDINATION_POINT
            && s.diagnostic().severity() == Severity.ERROR)
        .count();
  }
}
