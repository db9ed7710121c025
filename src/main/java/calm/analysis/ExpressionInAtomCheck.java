package calm.analysis;

import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.syntax.Item;
import calm.syntax.Aggregate;
import calm.syntax.Term;
import java.util.function.Consumer;

/** E203: body atoms take variables, constants and '_'; arithmetic belongs in a comparison (§4 Rules). */
final class ExpressionInAtomCheck implements ItemCheck {
  @Override
  public void checkItem(CheckContext context, Item item, int rule, Consumer<Diagnostic> report) {
    AtomUse.forEach(
        item,
        rule,
        context.ids(),
        use -> {
          if (use.role() != AtomUse.Role.POSITIVE && use.role() != AtomUse.Role.NEGATED) {
            return;
          }
          for (Term argument : use.atom().arguments()) {
            if (!Terms.isSimple(argument) && !(argument instanceof Aggregate)) {
              report.accept(
                  Diagnostic.of(
                          Code.EXPRESSION_IN_ATOM,
                          argument.span(),
                          "a body atom cannot hold the expression " + Terms.show(argument))
                      .withHelp(
                          "use a fresh variable and a comparison: "
                              + use.atom().relation().text()
                              + "(..., Y, ...), Y = "
                              + Terms.show(argument)));
            }
          }
        });
  }
}
