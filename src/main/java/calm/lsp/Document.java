package calm.lsp;

import calm.analysis.Checker;
import calm.diagnostics.Code;
import calm.syntax.SourceFile;
import calm.source.Span;
import java.util.List;
import java.util.Optional;

/**
 * One version of an open document's text. Its snapshot (what {@code calm check} says) is worked out
 * once, on first demand: by the debounced publisher or by a request that cannot wait for it.
 */
final class Document {
  private final String uri;
  private final int version;
  private final String text;
  private Snapshot snapshot;

  Document(String uri, int version, String text) {
    this.uri = uri;
    this.version = version;
    this.text = text;
  }

  String uri() {
    return uri;
  }

  int version() {
    return version;
  }

  String text() {
    return text;
  }

  synchronized Snapshot snapshot(Checker checker) {
    if (snapshot == null) {
      SourceFile source = new SourceFile(displayPath(uri), text);
      snapshot = new Snapshot(uri, version, source, check(checker, source));
    }
    return snapshot;
  }

  /** As {@code calm check} does, a program too deep for the stack is one diagnostic, not a failure. */
  private static Checker.Outcome check(Checker checker, SourceFile source) {
    try {
      return checker.run(source);
    } catch (StackOverflowError deep) {
      calm.diagnostics.Diagnostic d =
          calm.diagnostics.Diagnostic.of(Code.NESTING_TOO_DEEP, Span.point(1, 1), "the program nests too deeply to analyze")
              .withHelp("split deep expressions with intermediate variables");
      return new Checker.Outcome(
          new calm.analysis.FileReport(source, Optional.empty(), List.of(d), calm.analysis.calm.CalmReport.EMPTY),
          Optional.empty());
    } catch (RuntimeException bug) {
      // shown in the editor rather than lost: the file is not checked, but the server goes on
      calm.diagnostics.Diagnostic d =
          calm.diagnostics.Diagnostic.of(Code.SYNTAX_ERROR, Span.point(1, 1), "calm lsp: internal error while checking this file: " + bug)
              .withHelp("please report this with the file; `calm check` on the saved file may say more");
      return new Checker.Outcome(
          new calm.analysis.FileReport(source, Optional.empty(), List.of(d), calm.analysis.calm.CalmReport.EMPTY),
          Optional.empty());
    }
  }

  /** The file's path for a file: URI, else the URI itself. */
  static String displayPath(String uri) {
    try {
      java.net.URI parsed = java.net.URI.create(uri);
      if ("file".equals(parsed.getScheme()) && parsed.getPath() != null) {
        return parsed.getPath();
      }
    } catch (IllegalArgumentException notAUri) {
      // shown as given
    }
    return uri;
  }
}
