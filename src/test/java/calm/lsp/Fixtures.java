package calm.lsp;

import java.util.List;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;

final class Fixtures {
  private Fixtures() {}

  static CodeActionParams actionParams(String uri, Position start, Position end) {
    return actionParams(uri, new Range(start, end), List.of());
  }

  static CodeActionParams actionParams(String uri, Range range, List<Diagnostic> diagnostics) {
    return new CodeActionParams(new TextDocumentIdentifier(uri), range, new CodeActionContext(diagnostics));
  }
}
