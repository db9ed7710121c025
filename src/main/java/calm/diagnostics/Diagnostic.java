package calm.diagnostics;

import calm.source.Span;
import java.util.List;

/**
 * One finding at one place in one file.
 *
 * @param help one line each, rendered as {@code help: ...}: how to fix it, when a fix is known
 * @param related other places that explain the finding (the other declaration, a cycle's edges)
 */
public record Diagnostic(
    Code code, Severity severity, String message, Span span, List<String> help, List<Related> related) {

  public Diagnostic {
    help = List.copyOf(help);
    related = List.copyOf(related);
  }

  public static Diagnostic of(Code code, Span span, String message) {
    return new Diagnostic(code, code.severity(), message, span, List.of(), List.of());
  }

  public Diagnostic withHelp(String... lines) {
    var all = new java.util.ArrayList<>(help);
    all.addAll(List.of(lines));
    return new Diagnostic(code, severity, message, span, all, related);
  }

  public Diagnostic withRelated(Span where, String message) {
    var all = new java.util.ArrayList<>(related);
    all.add(new Related(where, message));
    return new Diagnostic(code, severity, message(), span, help, all);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * An error that makes the program invalid. A finding of the CALM analysis is error-level (it fails
   * {@code check}) but says where a valid program needs coordination: running and exploring such a
   * program is exactly how to see what goes wrong, so it does not count.
   */
  public boolean isProgramError() {
    return isError() && !code.isAnalysisFinding();
  }

  /** A secondary location with its own short message. */
  public record Related(Span span, String message) {}
}
