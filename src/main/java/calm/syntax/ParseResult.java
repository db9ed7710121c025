package calm.syntax;

import calm.diagnostics.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * What reading one file gave: the AST when the text is grammatical (even if some items were rejected
 * by the builder), and every problem found while reading.
 */
public record ParseResult(Optional<Program> program, List<Diagnostic> diagnostics) {
  public ParseResult {
    diagnostics = List.copyOf(diagnostics);
  }
}
