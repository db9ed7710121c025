package calm.cli;

/**
 * {@code --color}, one rule for every command that colours ({@code check}, {@code explore}):
 * {@code auto} colours only text written to a terminal, and not when {@code NO_COLOR} is set to
 * anything non-empty (no-color.org) or {@code TERM} is {@code dumb}; {@code always} is an explicit
 * request and wins over both; {@code never} never colours. Machine-readable formats and reports
 * written to a file under {@code auto} are never coloured (the commands decide that).
 */
enum ColorChoice {
  AUTO,
  ALWAYS,
  NEVER;

  boolean colours(String noColorVariable, String termVariable, boolean stdoutIsTerminal) {
    return switch (this) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO -> stdoutIsTerminal && (noColorVariable == null || noColorVariable.isEmpty())
          && !"dumb".equals(termVariable);
    };
  }

  /** The palette for text on standard output ({@code toStandardOutput}) or in a file. */
  Palette palette(boolean toStandardOutput) {
    boolean terminal = toStandardOutput && System.console() != null;
    return colours(System.getenv("NO_COLOR"), System.getenv("TERM"), terminal) ? Palette.ANSI : Palette.NONE;
  }
}
