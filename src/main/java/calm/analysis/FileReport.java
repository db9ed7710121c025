package calm.analysis;

import calm.analysis.calm.CalmReport;
import calm.diagnostics.Diagnostic;
import calm.diagnostics.Severity;
import calm.syntax.Program;
import calm.syntax.SourceFile;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code calm check} knows about one file. {@code program} is present when the file parsed;
 * {@code calm} is {@link CalmReport#EMPTY} when the file had errors (the analysis runs only on
 * error-free files).
 */
public record FileReport(
    SourceFile source, Optional<Program> program, List<Diagnostic> diagnostics, CalmReport calm) {
  public FileReport {
    diagnostics = List.copyOf(diagnostics);
  }

  /** Whether the program itself is broken ({@link Diagnostic#isProgramError()}). */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isProgramError);
  }

  public long count(Severity severity) {
    return diagnostics.stream().filter(d -> d.severity() == severity).count();
  }
}
