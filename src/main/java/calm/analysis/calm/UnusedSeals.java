package calm.analysis.calm;

import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.syntax.Seal;
import java.util.List;
import java.util.function.Consumer;

/**
 * The seals that cover no coordination point (§5 Annotations and seals), each with why: a seal on
 * an event, a seal on a relation that can lose facts, or a seal that no rule uses with its guard
 * and key.
 */
final class UnusedSeals {
  private UnusedSeals() {}

  static void report(
      List<Seal> seals, SealCoverage coverage, EventRelations events, GrowOnly growOnly, Consumer<Diagnostic> out) {
    for (Seal seal : seals) {
      if (coverage.isUsed(seal)) {
        continue;
      }
      String sealed = seal.sealed().relation().text();
      if (events.isEvent(sealed)) {
        out.accept(
            Diagnostic.of(
                    Code.SEAL_COVERS_NOTHING,
                    seal.span(),
                    "this seal covers no coordination point: `" + sealed + "` is an event relation, which"
                        + " holds only the facts that arrive in a tick, so when the guard holds, the key's"
                        + " earlier facts are gone")
                .withHelp(
                    "persist `" + sealed + "` in a table (`" + sealed + "_log(...) :- " + sealed
                        + "(...).`), seal the table instead, and read the table in the rule",
                    "or remove the seal"));
      } else if (!growOnly.isGrowOnly(sealed)) {
        out.accept(
            Diagnostic.of(
                    Code.SEAL_COVERS_NOTHING,
                    seal.span(),
                    "this seal covers no coordination point: `" + sealed + "` can lose facts (a `delete`, or a"
                        + " view over something that shrinks), and a seal only promises that no new facts"
                        + " appear")
                .withHelp(
                    "seal a table that only grows (a log of the events) and derive the current state from it",
                    "or remove the seal"));
      } else {
        out.accept(
            Diagnostic.of(
                    Code.SEAL_COVERS_NOTHING,
                    seal.span(),
                    "this seal covers no coordination point: no rule negates, aggregates or races on `"
                        + sealed
                        + "` while holding the guard `"
                        + seal.guard().relation().text()
                        + "` with the key bound to the same variables (and deletion cannot be sealed)")
                .withHelp(
                    "put the guard atom in the body of the rule that negates, aggregates or races on `"
                        + sealed
                        + "`, binding the key to the same variables (and group an aggregate by it)",
                    "or remove the seal"));
      }
    }
  }
}
