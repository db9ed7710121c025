package calm.cli;

/** The exit statuses of §10 What the commands promise to scripts. */
public final class ExitCodes {
  /** No errors and no open coordination point; a run reached quiescence. */
  public static final int OK = 0;
  /** An error-level diagnostic, an open coordination point, or a run-time error. */
  public static final int FINDINGS = 1;
  /** The command could not do its job: a bad option, an unreadable path, an internal failure. */
  public static final int FAILURE = 2;

  private ExitCodes() {}
}
