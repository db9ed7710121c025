package calm.analysis;

import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.syntax.Column;
import calm.syntax.Declaration;
import calm.syntax.Fact;
import calm.syntax.Name;
import calm.source.Span;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** E105: every atom and fact has as many arguments as its relation has columns. */
final class ArityCheck implements Check {
  @Override
  public void check(CheckContext context, Consumer<Diagnostic> report) {
    AtomUse.forEach(
        context.program(),
        use -> verify(use.atom().relation(), use.atom().arity(), use.atom().span(), context, report));
    for (Fact fact : context.program().facts()) {
      verify(fact.relation(), fact.values().size(), fact.span(), context, report);
    }
  }

  private static void verify(
      Name relation, int given, Span where, CheckContext context, Consumer<Diagnostic> report) {
    context
        .schema()
        .lookup(relation.text())
        .filter(d -> d.arity() != given)
        .ifPresent(
            declaration ->
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
                        .withRelated(declaration.name().span(), "'" + relation.text() + "' is declared here")));
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
