package calm.analysis;

import calm.analysis.graph.RelationIds;
import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.syntax.Fact;
import calm.syntax.Name;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** E101: every relation named in a rule, fact or seal is declared; suggests a close declared name. */
final class UnknownRelationCheck implements Check {
  @Override
  public void check(CheckContext context, Consumer<Diagnostic> report) {
    List<String> known = context.schema().declarations().stream().map(d -> d.name().text()).toList();
    AtomUse.forEach(
        context.program(),
        context.ids(),
        use -> {
          if (use.relation() == RelationIds.UNDECLARED) {
            verify(use.atom().relation(), context, known, report);
          }
        });
    for (Fact fact : context.program().facts()) {
      verify(fact.relation(), context, known, report);
    }
  }

  private static void verify(
      Name relation, CheckContext context, List<String> known, Consumer<Diagnostic> report) {
    if (context.schema().isDeclared(relation.text())) {
      return;
    }
    Diagnostic diagnostic =
        Diagnostic.of(Code.UNKNOWN_RELATION, relation.span(), "unknown relation '" + relation.text() + "'");
    Optional<String> suggestion = Suggestions.closest(relation.text(), known);
    if (suggestion.isPresent()) {
      String s = suggestion.get();
      diagnostic =
          diagnostic
              .withHelp("did you mean '" + s + "'?")
              .withRelated(context.schema().get(s).name().span(), "'" + s + "' is declared here");
    } else {
      diagnostic =
          diagnostic.withHelp("declare it, e.g. 'table " + relation.text() + "(...).', with typed columns");
    }
    report.accept(diagnostic);
  }
}
