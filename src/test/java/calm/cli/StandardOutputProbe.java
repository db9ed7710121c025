package calm.cli;

/**
 * A child JVM's main for tests of what happens to standard output (a full disk): runs each command
 * line, given as one argument with its words separated by a unit separator, through {@link
 * Main#execute(String...)} (the launcher's own path to the process's standard output and error), and
 * after each prints its exit status to standard error on a line of its own. One JVM for several
 * command lines instead of one each: starting a JVM costs more than the command does.
 */
final class StandardOutputProbe {
  static final String WORDS = "\u001f";
  static final String STATUS = "probe: exit ";

  private StandardOutputProbe() {}

  public static void main(String[] commandLines) {
    for (String line : commandLines) {
      int status = Main.execute(line.split(WORDS, -1));
      System.err.println();
      System.err.println(STATUS + status);
      System.err.flush();
    }
    System.exit(0);
  }
}
