package calm.analysis;

import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.syntax.Declaration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/** E102: a relation is declared once; every later declaration points back to the first. */
final class DuplicateDeclarationCheck implements Check {
  @Override
  public void check(CheckContext context, Consumer<Diagnostic> report) {
    Map<String, Declaration> first = new HashMap<>();
    for (Declaration declaration : context.program().declarations()) {
      Declaration earlier = first.putIfAbsent(declaration.name().text(), declaration);
      if (earlier != null) {
        report.accept(
            Diagnostic.of(
                    Code.DUPLICATE_DECLARATION,
                    declaration.name().span(),
                    "relation '" + declaration.name().text() + "' is declared more than once")
                .withHelp("remove this declaration, or rename one of the relations")
                .withRelated(earlier.name().span(), "first declared here"));
      }
    }
  }
}
