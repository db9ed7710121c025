package calm.lsp;

import calm.analysis.CheckedProgram;
import calm.analysis.Checker;
import calm.analysis.FileReport;
import calm.analysis.graph.Schema;
import calm.analysis.calm.CalmAnalysis;
import calm.syntax.Program;
import calm.syntax.SourceFile;
import java.util.Optional;

/**
 * One version of an open document and what {@code calm check} says about it. Built once per version;
 * every request about that version reads it.
 */
final class Snapshot {
  private final String uri;
  private final int version;
  private final SourceFile source;
  private final Checker.Outcome outcome;
  private Occurrences occurrences;
  private Schema schema;

  Snapshot(String uri, int version, SourceFile source, Checker.Outcome outcome) {
    this.uri = uri;
    this.version = version;
    this.source = source;
    this.outcome = outcome;
  }

  String uri() {
    return uri;
  }

  int version() {
    return version;
  }

  SourceFile source() {
    return source;
  }

  FileReport report() {
    return outcome.report();
  }

  Optional<Program> program() {
    return outcome.report().program();
  }

  /** Present when the program is free of errors: the CALM analysis of the checked program. */
  Optional<CalmAnalysis> analysis() {
    return outcome.checked().map(CheckedProgram::calmAnalysis);
  }

  /** The relation names of the program; empty when the file did not parse. */
  synchronized Occurrences occurrences() {
    if (occurrences == null) {
      occurrences = program().map(Occurrences::of).orElseGet(Occurrences::none);
    }
    return occurrences;
  }

  synchronized Optional<Schema> schema() {
    if (schema == null && program().isPresent()) {
      // a file without errors has its schema in the checked program; one with errors still has declarations
      schema = outcome.checked().map(CheckedProgram::schema).orElseGet(() -> Schema.of(program().get()));
    }
    return Optional.ofNullable(schema);
  }

  /** The text a span covers. */
  String text(calm.source.Span span) {
    int start = offset(span.line(), span.column());
    int end = offset(span.endLine(), span.endColumn());
    return source.text().substring(Math.min(start, end), end);
  }

  /** The offset of a 1-based line and column, clamped to the text. */
  int offset(int line, int column) {
    String text = source.text();
    int offset = 0;
    for (int l = 1; l < line; l++) {
      int next = text.indexOf('\n', offset);
      if (next < 0) {
        return text.length();
      }
      offset = next + 1;
    }
    return Math.min(text.length(), offset + column - 1);
  }
}
