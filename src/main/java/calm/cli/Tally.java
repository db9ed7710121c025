package calm.cli;

import calm.analysis.FileReport;
import calm.analysis.calm.CoordinationPoint;
import calm.analysis.calm.PointStatus;
import calm.diagnostics.Severity;
import java.util.List;

/** What a set of file reports adds up to: the numbers of the summary line and of the exit status. */
record Tally(int files, long errors, long warnings, long notes, long openPoints) {
  static Tally of(List<FileReport> reports) {
    long errors = 0;
    long warnings = 0;
    long notes = 0;
    long open = 0;
    for (FileReport report : reports) {
      errors += report.count(Severity.ERROR);
      warnings += report.count(Severity.WARNING);
      notes += report.count(Severity.NOTE);
      for (CoordinationPoint point : report.calm().points()) {
        if (point.status() == PointStatus.UNACKNOWLEDGED) {
          open++;
        }
      }
    }
    return new Tally(reports.size(), errors, warnings, notes, open);
  }

  /** As {@link #of(List)}, less the open points that the baseline already knows of. */
  static Tally of(List<FileReport> reports, Triage triage) {
    Tally all = of(reports);
    return new Tally(all.files, all.errors, all.warnings, all.notes, all.openPoints - triage.baselinedOpenPoints());
  }

  /** {@code 3 files checked: 2 errors, 1 warning}. */
  String summary() {
    StringBuilder out =
        new StringBuilder(count(files, "file"))
            .append(" checked: ")
            .append(count(errors, "error"))
            .append(", ")
            .append(count(warnings, "warning"));
    if (notes > 0) {
      out.append(", ").append(count(notes, "note"));
    }
    if (openPoints > 0) {
      out.append(", ").append(count(openPoints, "unacknowledged coordination point"));
    }
    return out.toString();
  }

  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
