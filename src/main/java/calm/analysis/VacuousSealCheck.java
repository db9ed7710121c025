package calm.analysis;

import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.syntax.Declaration;
import calm.syntax.Seal;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * E404 (§5 Annotations and seals): a seal whose guard nothing can write. The guard never holds, so the rules
 * the seal covers never fire: the relation they derive would be called sealed and stay empty in every run.
 */
final class VacuousSealCheck implements Check {
  @Override
  public void check(CheckContext context, Consumer<Diagnostic> report) {
    if (!context.complete()) {
      return; // a rejected rule may be the guard's writer
    }
    if (context.program().seals().isEmpty()) {
      return;
    }
    Writable writable = Writable.of(context);
    for (Seal seal : context.program().seals()) {
      String guard = seal.guard().relation().text();
      Optional<Declaration> declaration = context.schema().lookup(guard);
      if (declaration.isPresent() && !writable.canBeWritten(declaration.get())) {
        report.accept(
            Diagnostic.of(
                    Code.VACUOUS_SEAL,
                    seal.span(),
                    "the guard `" + guard + "` of this seal is never written: no rule derives it, no fact"
                        + " fills it, and it is not an input or a channel, so the reads the seal covers"
                        + " could never happen")
                .withRelated(declaration.get().name().span(), "`" + guard + "` is declared here")
                .withHelp(
                    "write the guard: a rule that derives `" + guard + "` once a key is complete (e.g. `"
                        + guard + "(K) :- closed_in(K).` from an input), or guard the seal by a relation"
                        + " that is written",
                    "or remove the seal: without it the analysis reports the coordination point it hid"));
      }
    }
  }
}
