package calm.cli;

/**
 * {@code --color}. {@code auto} colours only a terminal, and not when {@code NO_COLOR} is set to
 * anything non-empty (no-color.org); {@code always} is an explicit request and wins over NO_COLOR.
 */
enum ColorChoice {
  AUTO,
  ALWAYS,
  NEVER;

  boolean colours(String noColorVariable, boolean stdoutIsTerminal) {
    return switch (this) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO -> stdoutIsTerminal && (noColorVariable == null || noColorVariable.isEmpty());
    };
  }
}
