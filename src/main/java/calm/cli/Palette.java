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

  private String paint(String code, String text) {
    return enabled && !text.isEmpty() ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
