package calm.serve;

/**
 * What the playground asks of the tool: the check report and the graph of a program text, and an
 * exploration of it. The command line supplies it with its own renderers, so the page shows the same
 * JSON documents as {@code calm check --format json} and {@code calm explore --format json}; this
 * package never reaches up into {@code calm.cli}.
 */
public interface Analyzer {
  /**
   * The check of one program text: {@code {"report": <one file of the check JSON>, "mermaid": text
   * or null}} (null when the program has errors, so there is no graph to draw).
   */
  String check(String program);

  /**
   * An exploration of one program text under {@code runs} schedules from {@code seed}: the explore
   * JSON document.
   *
   * @throws Rejected when the program has errors or cannot be run
   */
  String explore(String program, int runs, long seed) throws Rejected;

  /** A program the tool will not explore, with the reason in words and the check report, as JSON. */
  final class Rejected extends Exception {
    private final String reportJson;

    public Rejected(String message, String reportJson) {
      super(message, null, false, false);
      this.reportJson = reportJson;
    }

    /** The check JSON of the program ({@code {"report": ...}}), or null. */
    public String reportJson() {
      return reportJson;
    }
  }
}
