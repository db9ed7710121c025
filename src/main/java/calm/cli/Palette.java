package calm.cli;

import calm.diagnostics.Severity;

/** ANSI colours for text output, or none at all. */
final class Palette {
  static final Palette NONE = new Palette(false);
  static final Palette ANSI = new Palette(true);

  private final boolean enabled;

  private Palette(boolean enabled) {
    this.enabled = enabled;
  }

  private static final String BOLD = "1";

  String severity(Severity severity, String text) {
    return paint(code(severity), text);
  }

  String bold(String text) {
    return paint(BOLD, text);
  }

  String gutter(String text) {
    return paint("1;34", text);
  }

  String help(String text) {
    return paint("1;32", text);
  }

  /** What differs between two runs of the explorer's witness. */
  String difference(String text) {
    return paint("1;31", text);
  }

  /**
   * Appends {@code parts} in bold, without making a string of them first: the text renderer writes
   * hundreds of thousands of headers on a large program.
   */
  StringBuilder appendBold(StringBuilder out, String... parts) {
    return append(out, BOLD, parts);
  }

  StringBuilder appendSeverity(StringBuilder out, Severity severity, String... parts) {
    return append(out, code(severity), parts);
  }

  private static String code(Severity severity) {
    return switch (severity) {
      case ERROR -> "1;31";
      case WARNING -> "1;33";
      case NOTE -> "1;36";
    };
  }

  private StringBuilder append(StringBuilder out, String code, String... parts) {
    boolean empty = true;
    for (String part : parts) {
      empty &= part.isEmpty();
    }
    boolean paint = enabled && !empty;
    if (paint) {
      out.append(SafeText.ESC).append('[').append(code).append('m');
    }
    for (String part : parts) {
      out.append(part);
    }
    if (paint) {
      out.append(SafeText.ESC).append("[0m");
    }
    return out;
  }

  private String paint(String code, String text) {
    return enabled && !text.isEmpty() ? append(new StringBuilder(), code, text).toString() : text;
  }
}
