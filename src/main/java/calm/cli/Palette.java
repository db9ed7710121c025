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

  String severity(Severity severity, String text) {
    return switch (severity) {
      case ERROR -> paint("1;31", text);
      case WARNING -> paint("1;33", text);
      case NOTE -> paint("1;36", text);
    };
  }

  String bold(String text) {
    return paint("1", text);
  }

  String gutter(String text) {
    return paint("1;34", text);
  }

  String help(String text) {
    return paint("1;32", text);
  }

  /**
   * Appends {@code parts} in bold, without making a string of them first: the text renderer writes
   * hundreds of thousands of headers on a large program.
   */
  StringBuilder appendBold(StringBuilder out, String... parts) {
    return append(out, "1", parts);
  }

  StringBuilder appendSeverity(StringBuilder out, Severity severity, String... parts) {
    return append(out, switch (severity) {
      case ERROR -> "1;31";
      case WARNING -> "1;33";
      case NOTE -> "1;36";
    }, parts);
  }

  private StringBuilder append(StringBuilder out, String code, String... parts) {
    boolean empty = true;
    for (String part : parts) {
      empty &= part.isEmpty();
    }
    boolean paint = enabled && !empty;
    if (paint) {
      out.append("\u001b[").append(code).append('m');
    }
    for (String part : parts) {
      out.append(part);
    }
    if (paint) {
      out.append("\u001b[0m");
    }
    return out;
  }

  private String paint(String code, String text) {
    return enabled && !text.isEmpty() ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
