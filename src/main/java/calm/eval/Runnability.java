package calm.eval;

import calm.diagnostics.Diagnostic;

/**
 * Which findings of {@code calm check} stop {@code calm run}: every error except the CALM analysis's
 * (codes C...). A coordination point says that the outcome may depend on timing, which is exactly
 * what running (and exploring) a program is for; it does not make the program impossible to run.
 */
public final class Runnability {
  private Runnability() {}

  public static boolean blocksRun(Diagnostic d) {
    return d.isError() && !d.code().isAnalysisFinding();
  }
}
