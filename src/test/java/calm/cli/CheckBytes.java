package calm.cli;

import calm.analysis.Checker;
import calm.analysis.FileReport;

/** Checks a file's raw bytes as {@code calm check} reads them (for tests outside this package). */
public final class CheckBytes {
  private CheckBytes() {}

  public static FileReport check(String shown, byte[] bytes) {
    return CheckCommand.check(Checker.standard(), SourceLoader.decode(shown, bytes));
  }
}
