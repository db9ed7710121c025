package calm.analysis;

import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.syntax.Constant;
import calm.syntax.Seal;
import calm.syntax.Term;
import calm.syntax.Variable;
import calm.syntax.Wildcard;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * E402 and E403 (§5 Annotations and seals): a sealed atom holds variables (the key) and '_'; its guard holds
 * variables, '_' and constants; and every key variable appears in the guard, which is what ties a key to its
 * seal.
 */
final class SealCheck implements Check {
  @Override
  public void check(CheckContext context, Consumer<Diagnostic> report) {
    for (Seal seal : context.program().seals()) {
      for (Term argument : seal.sealed().arguments()) {
        if (!(argument instanceof Variable) && !(argument instanceof Wildcard)) {
          report.accept(
              Diagnostic.of(
                      Code.MALFORMED_SEAL,
                      argument.span(),
                      "a sealed atom holds only key variables and '_', not " + argument)
                  .withHelp("name the key column with a variable that the guard also holds, and write '_' for the others"));
        }
      }
      Set<String> guardVariables = new HashSet<>();
      for (Term argument : seal.guard().arguments()) {
        if (argument instanceof Variable v) {
          guardVariables.add(v.name());
        } else if (!(argument instanceof Wildcard) && !(argument instanceof Constant)) {
          report.accept(
              Diagnostic.of(
                      Code.MALFORMED_SEAL,
                      argument.span(),
                      "a seal's guard holds only variables, '_' and constants, not " + Terms.show(argument))
                  .withHelp("the guard is an atom that the program derives; match it plainly"));
        }
      }
      for (Term argument : seal.sealed().arguments()) {
        if (argument instanceof Variable v && !guardVariables.contains(v.name())) {
          report.accept(
              Diagnostic.of(
                      Code.SEAL_KEY_NOT_IN_GUARD,
                      v.span(),
                      "the key variable '" + v.name() + "' does not appear in the guard '"
                          + seal.guard().relation().text() + "'")
                  .withHelp(
                      "the guard says which key is sealed: write '" + v.name() + "' in the guard, or '_' here to leave the column out of the key")
                  .withRelated(seal.guard().span(), "the guard"));
        }
      }
    }
  }
}
