package calm.cli;

import calm.diagnostics.Code;

/**
 * Where Calm's documentation lives on the web, for SARIF's {@code informationUri} and each rule's
 * {@code helpUri} (the page under {@code docs/diagnostics/}), and for the JSON report's {@code tool}.
 * One constant, so that a fork or a release changes it in one place.
 */
final class Homepage {
  static final String URI = "https://github.com/calm-lang/calm";

  private Homepage() {}

  /** The diagnostic's page, generated from its explanation. */
  static String help(Code code) {
    return URI + "/blob/main/docs/diagnostics/" + code.id() + ".md";
  }
}
