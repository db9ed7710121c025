package calm.analysis;

import calm.analysis.graph.RelationIds;
import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.syntax.Item;
import calm.syntax.Column;
import calm.syntax.Declaration;
import calm.syntax.Fact;
import calm.syntax.Name;
import calm.source.Span;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** E105: every atom and fact has as many arguments as its relation has columns. */
final class ArityCheck implements ItemCheck {
  @Override
  public void checkItem(CheckContext context, Item item, int rule, Consumer<Diagnostic> report) {
    if (item instanceof Fact fact) {
      context
          .schema()
          .lookup(fact.relation().text())
          .filter(d -> d.arity() != fact.values().size())
          .ifPresent(d -> report(d, fact.relation(), fact.values().size(), fact.span(), report));
      return;
    }
    RelationIds ids = context.ids();
    AtomUse.forEach(
        item,
        rule,
        ids,
        use -> {
          int relation = use.relation();
          if (relation != RelationIds.UNDECLARED && ids.arity(relation) != use.atom().arity()) {
            report(ids.declaration(relation), use.atom().relation(), use.atom().arity(), use.atom().span(), report);
          }
        });
  }

  private static void report(
      Declaration declaration, Name relation, int given, Span where, Consumer<Diagnostic> report) {
    report.accept(
        Diagnostic.of(
                Code.ARITY_MISMATCH,
                where,
                "'"
                    + relation.text()
                    + "' has "
                    + plural(declaration.arity(), "column")
                    + " but is given "
                    + plural(given, "argument"))
            .withHelp("write " + relation.text() + "(" + signature(declaration) + ")")
            .withRelated(declaration.name().span(), "'" + relation.text() + "' is declared here"));
  }

  static String signature(Declaration declaration) {
    return declaration.columns().stream()
        .map(ArityCheck::column)
        .collect(Collectors.joining(", "));
  }

  private static String column(Column c) {
    return (c.location() ? "@" : "") + c.name().text() + ": " + c.type().keyword();
  }

  static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
