package calm.analysis;

import calm.analysis.graph.RelationIds;
import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.syntax.Declaration;
import calm.syntax.RelationKind;
import java.util.function.Consumer;

/** W101: a relation other than an input that no rule derives and no fact fills stays empty. */
final class NeverWrittenCheck implements Check {
  @Override
  public void check(CheckContext context, Consumer<Diagnostic> report) {
    if (!context.complete()) {
      return; // a rejected rule may be the missing writer or reader
    }
    RelationIds ids = context.ids();
    Writable writable = Writable.of(context);
    for (int id = 0; id < ids.size(); id++) {
      Declaration declaration = ids.declaration(id);
      String name = declaration.name().text();
      if (declaration.kind() != RelationKind.INPUT && !declaration.extern() && !writable.derivedOrFilled(id)) {
        report.accept(
            Diagnostic.of(
                    Code.NEVER_WRITTEN,
                    declaration.name().span(),
                    declaration.kind().keyword() + " '" + name + "' is never written: no rule derives it and no fact fills it")
                .withHelp(
                    declaration.kind() == RelationKind.TABLE
                        ? "add a rule or facts; if its facts come from 'calm run --facts', ignore this warning"
                        : "add a rule that derives it, or remove the declaration"));
      }
    }
  }
}
