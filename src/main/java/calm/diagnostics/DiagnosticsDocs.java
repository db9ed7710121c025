package calm.diagnostics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pages of {@code docs/diagnostics/}: one per code, made from its explanation, and an index. They
 * are generated from {@link Code} so that the documentation cannot drift from what the tool reports; a
 * test compares them with the files in the repository.
 */
public final class DiagnosticsDocs {
  private DiagnosticsDocs() {}

  /** File name (relative to {@code docs/diagnostics/}) to content. */
  public static Map<String, String> pages() {
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("README.md", index());
    for (Code code : Code.values()) {
      pages.put(code.id() + ".md", page(code));
    }
    return pages;
  }

  private static String index() {
    StringBuilder out = new StringBuilder();
    out.append("# Diagnostics\n\n")
        .append("Every diagnostic `calm check` can report, with its stable id, name and default severity.\n")
        .append("`calm explain ID` (or `calm explain NAME`) prints the same explanation in the terminal.\n")
        .append("E = error, W = warning, C = CALM analysis.\n\n")
        .append("<!-- generated from calm.diagnostics.Code and its explanations; do not edit by hand -->\n\n")
        .append("| id | name | severity | summary |\n")
        .append("|---|---|---|---|\n");
    for (Code code : Code.values()) {
      out.append("| [")
          .append(code.id())
          .append("](")
          .append(code.id())
          .append(".md) | `")
          .append(code.slug())
          .append("` | ")
          .append(code.severity().label())
          .append(" | ")
          .append(code.summary())
          .append(" |\n");
    }
    return out.toString();
  }

  private static String page(Code code) {
    String explanation = code.explanation();
    int titleEnd = explanation.indexOf('\n');
    String title = titleEnd < 0 ? explanation : explanation.substring(0, titleEnd);
    String rest = titleEnd < 0 ? "" : explanation.substring(titleEnd + 1);
    return title
        + "\n\n"
        + "<!-- generated from src/main/resources/calm/diagnostics/explanations/"
        + code.id()
        + ".md; do not edit by hand -->\n\n"
        + "Default severity: **"
        + code.severity().label()
        + "**. In the terminal: `calm explain "
        + code.id()
        + "`.\n"
        + rest;
  }
}
