package calm.analysis;

import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.syntax.Declaration;
import calm.syntax.Fact;
import calm.syntax.RelationKind;
import java.util.function.Consumer;

/**
 * E202: initial facts go into tables and inputs (§3 Facts). A scratch is emptied every tick and a channel
 * holds messages in flight, so a fact written for either would vanish or have no sender.
 */
final class FactKindCheck implements Check {
  @Override
  public void check(CheckContext context, Consumer<Diagnostic> report) {
    for (Fact fact : context.program().facts()) {
      context.schema().lookup(fact.relation().text()).ifPresent(declaration -> verify(fact, declaration, report));
    }
  }

  private static void verify(Fact fact, Declaration declaration, Consumer<Diagnostic> report) {
    RelationKind kind = declaration.kind();
    if (kind != RelationKind.SCRATCH && kind != RelationKind.CHANNEL) {
      return;
    }
    report.accept(
        Diagnostic.of(
                Code.FACT_FOR_EVENT_RELATION,
                fact.relation().span(),
                "a fact for " + kind.keyword() + " '" + fact.relation().text() + "': only tables and inputs take facts")
            .withHelp(
                kind == RelationKind.SCRATCH
                    ? "declare it as a table to keep the fact, or derive it with a rule"
                    : "send the message from a rule: " + fact.relation().text() + "(...)@async :- ... ."));
  }
}
