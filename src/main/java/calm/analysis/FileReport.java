package calm.analysis;

import calm.analysis.calm.CalmReport;
import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.diagnostics.Severity;
import calm.syntax.Program;
import calm.syntax.SourceFile;
import calm.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code calm check} knows about one file. {@code program} is present when the file parsed;
 * {@code calm} is {@link CalmReport#EMPTY} when the file had errors (the analysis runs only on
 * error-free files). The diagnostics are a {@link ReportDiagnostics}: in report order, the coordination
 * points among them written only when read.
 */
public record FileReport(
    SourceFile source, Optional<Program> program, List<Diagnostic> diagnostics, CalmReport calm) {
  public FileReport {
    diagnostics =
        diagnostics instanceof ReportDiagnostics ? diagnostics : ReportDiagnostics.inOrder(diagnostics);
  }

  private ReportDiagnostics all() {
    return (ReportDiagnostics) diagnostics;
  }

  /** Whether the program itself is broken ({@link Diagnostic#isProgramError()}). */
  public boolean hasErrors() {
    return all().hasProgramError();
  }

  public long count(Severity severity) {
    return all().count(severity);
  }

  /** Where the diagnostics with this code are, in report order, without writing their text. */
  public List<Span> spansOf(Code code) {
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i < diagnostics.size(); i++) {
      if (all().code(i) == code) {
        spans.add(all().span(i));
      }
    }
    return spans;
  }

  /** The severity of the diagnostic at {@code index}, without writing its text. */
  public Severity severityAt(int index) {
    return all().severity(index);
  }

  /** The code of the diagnostic at {@code index}, without writing its text. */
  public Code codeAt(int index) {
    return all().code(index);
  }

  /** Where the diagnostic at {@code index} is, without writing its text. */
  public Span spanAt(int index) {
    return all().span(index);
  }
}
