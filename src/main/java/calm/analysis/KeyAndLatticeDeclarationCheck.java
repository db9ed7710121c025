package calm.analysis;

import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.syntax.Column;
import calm.syntax.Declaration;
import calm.syntax.RelationKind;
import java.util.function.Consumer;

/**
 * E601-E603, E607: keys, lattice types and {@code extern} stand where §11 Keyed tables, lattices and extern
 * tables allows them: a key only on a table, value columns all plain or all lattices, lattice types only
 * after a table's {@code =>} or on a channel's or input's ordinary columns, {@code extern} only on a table.
 */
final class KeyAndLatticeDeclarationCheck implements Check {
  @Override
  public void check(CheckContext context, Consumer<Diagnostic> report) {
    for (Declaration d : context.program().declarations()) {
      String name = d.name().text();
      RelationKind kind = d.kind();
      if (d.extern() && kind != RelationKind.TABLE) {
        report.accept(
            Diagnostic.of(
                    Code.EXTERN_NOT_TABLE,
                    d.name().span(),
                    "'" + name + "' is declared extern " + kind.keyword() + ", but only a table can be extern")
                .withHelp(
                    kind.isSourceOfAsynchrony()
                        ? "an " + kind.keyword() + " already comes from outside: drop 'extern'"
                        : "write 'extern table " + name + "(...).'"));
      }
      if (d.keyed() && kind != RelationKind.TABLE) {
        report.accept(
            Diagnostic.of(
                    Code.KEY_ON_NON_TABLE,
                    d.name().span(),
                    "'" + name + "' is " + (kind == RelationKind.INPUT ? "an " : "a ") + kind.keyword()
                        + ", which cannot have a key ('=>')")
                .withHelp(
                    kind == RelationKind.SCRATCH
                        ? "declare it as a table, or drop '=>': a scratch is recomputed every tick"
                        : "drop '=>': every " + kind.keyword() + " fact is an event of its own"
                            + " (a column may still have a lattice type, without a key)"));
      }
      boolean latticeValues = false;
      boolean plainValues = false;
      for (int i = 0; i < d.arity(); i++) {
        Column c = d.columns().get(i);
        boolean isValue = d.keyed() && i >= d.keyColumns();
        if (isValue) {
          latticeValues |= c.lattice().isLattice();
          plainValues |= !c.lattice().isLattice();
        }
        if (!c.lattice().isLattice()) {
          continue;
        }
        String misplaced = null;
        String help = null;
        if (kind == RelationKind.SCRATCH) {
          misplaced = "a scratch has no lattice columns";
          help = "declare '" + name + "' as a table with a key ('=>'), or give '" + c.name().text()
              + "' the plain type " + c.type().keyword();
        } else if (c.location()) {
          misplaced = "the '@' column names a node, so it cannot be a lattice";
          help = "write '@" + c.name().text() + ": string'";
        } else if (kind == RelationKind.TABLE && !d.keyed()) {
          misplaced = "a table's lattice columns are its values, so the table needs a key";
          help = "put '=>' before the lattice columns, e.g. table " + name + "("
              + keyedExample(d) + ") (an empty key, '(=> ...)', keeps one row)";
        } else if (kind == RelationKind.TABLE && !isValue) {
          misplaced = "key column '" + c.name().text() + "' has a lattice type; keys are plain";
          help = "move the lattice column after '=>', or type the key column " + c.type().keyword();
        }
        if (misplaced != null) {
          report.accept(
              Diagnostic.of(
                      Code.MISPLACED_LATTICE,
                      c.span(),
                      "lattice type " + c.typeText() + " in '" + name + "': " + misplaced)
                  .withHelp(help));
        }
      }
      if (kind == RelationKind.TABLE && latticeValues && plainValues) {
        report.accept(
            Diagnostic.of(
                    Code.MIXED_VALUE_COLUMNS,
                    d.name().span(),
                    "'" + name + "' mixes lattice and plain value columns: a key's values merge either"
                        + " by join or not at all")
                .withHelp(
                    "make every value column a lattice (max<...>/min<...>), or split the table in two,"
                        + " one per kind of value, with the same key"));
      }
    }
  }

  private static String keyedExample(Declaration d) {
    StringBuilder key = new StringBuilder();
    StringBuilder values = new StringBuilder();
    for (Column c : d.columns()) {
      StringBuilder into = c.lattice().isLattice() ? values : key;
      if (into.length() > 0) {
        into.append(", ");
      }
      into.append(c.name().text()).append(": ").append(c.typeText());
    }
    return (key.length() > 0 ? key + " " : "") + "=> " + values;
  }
}
