package calm.analysis.calm;

import java.util.List;

/**
 * The sentences of a coordination point's {@code help:} lines that are the same for every point. The
 * text report prints them with each point, where a reader meets them; a report that has a place for
 * what all results of a rule share (SARIF's rule help) writes them there once and keeps only what is
 * specific to each point in its message.
 */
public final class PointHelp {
  /** The last help line of every open point. */
  public static final String ACKNOWLEDGE =
      "if the deployment already coordinates here, acknowledge it with @coordinated(\"why\") before the rule";

  /** Ends, after "; ", every help line that suggests a seal by {@code done}. */
  public static final String GUARD_MUST_BE_WRITTEN = SealAdvice.GUARD_MUST_BE_WRITTEN;

  /** Follows, after " and ", the seal a negation's help suggests. */
  public static final String GUARD_IN_RULE =
      "put the guard atom in this rule, so each key is decided once it is complete";

  /** What joins a general clause to the specific advice before it on one line. */
  private static final List<String> SEPARATORS = List.of("; ", " and ");

  /** Every general sentence, in the order a rule's help lists them. */
  public static final List<String> GENERAL = List.of(GUARD_IN_RULE, GUARD_MUST_BE_WRITTEN, ACKNOWLEDGE);

  /** {@code ENDINGS[g][s]}: general sentence {@code g} after separator {@code s}, made once. */
  private static final String[][] ENDINGS =
      GENERAL.stream().map(general -> SEPARATORS.stream().map(separator -> separator + general).toArray(String[]::new))
          .toArray(String[][]::new);

  private PointHelp() {}

  /**
   * The part of a help line that is specific to its point: empty when the line is a general sentence,
   * the line without the general clauses it ends with, else the line itself.
   */
  public static String specific(String line) {
    String rest = line;
    boolean cut = true;
    while (cut) {
      cut = false;
      for (int g = 0; g < ENDINGS.length; g++) {
        if (rest.equals(GENERAL.get(g))) {
          return "";
        }
        for (String ending : ENDINGS[g]) {
          if (rest.endsWith(ending)) {
            rest = rest.substring(0, rest.length() - ending.length());
            cut = true;
          }
        }
      }
    }
    return rest;
  }
}
