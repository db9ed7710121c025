package calm.analysis;

import calm.analysis.graph.RelationIds;
import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.syntax.Item;
import calm.syntax.Declaration;
import calm.syntax.Head;
import calm.syntax.HeadForm;
import calm.syntax.Rule;
import java.util.function.Consumer;

/**
 * E604-E606: heads that §11 Keyed tables, lattices and extern tables forbids: {@code delete} or
 * {@code @update} of a lattice table (it only grows), {@code @update} of anything but a plain keyed table,
 * and any rule that writes an extern table.
 */
final class KeyedHeadCheck implements ItemCheck {
  @Override
  public void checkItem(CheckContext context, Item item, int r, Consumer<Diagnostic> report) {
    RelationIds ids = context.ids();
    if (item instanceof Rule rule) {
      Head head = rule.head();
      String name = head.atom().relation().text();
      if (ids.head(r) == RelationIds.UNDECLARED) {
        return;
      }
      Declaration d = ids.declaration(ids.head(r));
      HeadForm form = head.form();
      if (d.extern()) {
        report.accept(
            Diagnostic.of(
                    Code.EXTERN_WRITTEN,
                    head.span(),
                    "'" + name + "' is an extern table: its facts come only from outside, so no rule may"
                        + " write it")
                .withHelp("derive another table from it, or drop 'extern' if the program computes it")
                .withRelated(d.name().span(), "'" + name + "' is declared extern here"));
      } else if (d.isLatticeTable() && (form == HeadForm.DELETE || form == HeadForm.UPDATE)) {
        report.accept(
            Diagnostic.of(
                    Code.LATTICE_SHRINK,
                    head.span(),
                    (form == HeadForm.DELETE ? "delete of" : "@update of") + " lattice table '" + name
                        + "': a lattice only grows, a key never loses its row or lowers its value")
                .withHelp(
                    "insert instead (the key keeps the join), or make the value plain ('=> v: "
                        + d.columns().get(d.arity() - 1).type().keyword()
                        + "') to replace it with @update")
                .withRelated(d.name().span(), "'" + name + "' is declared here"));
      } else if (form == HeadForm.UPDATE && !d.isPlainKeyed()) {
        report.accept(
            Diagnostic.of(
                    Code.UPDATE_UNKEYED,
                    head.span(),
                    "@update replaces the row of a key, but '" + name + "' is "
                        + (d.kind() == calm.syntax.RelationKind.TABLE
                            ? "a table without a key"
                            : "a " + d.kind().keyword()))
                .withHelp(
                    d.kind() == calm.syntax.RelationKind.TABLE
                        ? "declare a key: table " + name + "(key columns => value columns)"
                        : "only a keyed table can be updated; use @next or @async as the kind requires")
                .withRelated(d.name().span(), "'" + name + "' is declared here"));
      }
    }
  }
}
