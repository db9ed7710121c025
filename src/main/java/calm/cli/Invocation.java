package calm.cli;

import java.util.regex.Pattern;

/**
 * How the user started Calm, so that the commands it prints for pasting (the explorer's replay lines)
 * start the same way: {@code ./calm} passes its own invocation name as the system property
 * {@code calm.command}; otherwise (an installed {@code calm}, or {@code java -jar}) it is {@code calm}.
 */
final class Invocation {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

  private Invocation() {}

  /** The command, quoted for a POSIX shell when it needs to be. */
  static String command() {
    String invoked = System.getProperty("calm.command");
    if (invoked == null || invoked.isBlank()) {
      return "calm";
    }
    return quoted(invoked);
  }

  /** A word as a POSIX shell reads it back: as it is when plain, else in single quotes. */
  static String quoted(String word) {
    return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
