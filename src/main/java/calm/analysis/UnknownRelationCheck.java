package calm.analysis;

import calm.analysis.graph.RelationIds;
import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.syntax.Item;
import calm.syntax.Fact;
import calm.syntax.Name;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** E101: every relation named in a rule, fact or seal is declared; suggests a close declared name. */
final class UnknownRelationCheck implements ItemCheck {
  @Override
  public void checkItem(CheckContext context, Item item, int rule, Consumer<Diagnostic> report) {
    if (item instanceof Fact fact) {
      verify(fact.relation(), context, report);
      return;
    }
    AtomUse.forEach(
        item,
        rule,
        context.ids(),
        use -> {
          if (use.relation() == RelationIds.UNDECLARED) {
            verify(use.atom().relation(), context, report);
          }
        });
  }

  private static void verify(Name relation, CheckContext context, Consumer<Diagnostic> report) {
    if (context.schema().isDeclared(relation.text())) {
      return;
    }
    // the declared names, for a suggestion: made only for a name that is not one of them
    List<String> known = context.schema().declarations().stream().map(d -> d.name().text()).toList();
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
