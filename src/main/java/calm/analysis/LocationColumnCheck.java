package calm.analysis;

import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.syntax.Column;
import calm.syntax.Declaration;
import calm.syntax.RelationKind;
import calm.syntax.Type;
import java.util.function.Consumer;

/**
 * E104: a channel has exactly one '@' column, which names the destination node and so is a string
 * (nodes are named by strings, §7 Runs and nodes); no other kind of relation has one.
 */
final class LocationColumnCheck implements Check {
  @Override
  public void check(CheckContext context, Consumer<Diagnostic> report) {
    for (Declaration declaration : context.program().declarations()) {
      String name = declaration.name().text();
      if (declaration.kind() != RelationKind.CHANNEL) {
        for (Column column : declaration.columns()) {
          if (column.location()) {
            report.accept(
                Diagnostic.of(
                        Code.LOCATION_COLUMN,
                        column.span(),
                        "only a channel has an '@' column, but '" + name + "' is a "
                            + declaration.kind().keyword())
                    .withHelp(
                        "remove the '@', or declare the relation as 'channel "
                            + name
                            + "(...)' if it is a network message"));
          }
        }
        continue;
      }
      Column first = null;
      for (Column column : declaration.columns()) {
        if (!column.location()) {
          continue;
        }
        if (first == null) {
          first = column;
          if (column.type() != Type.STRING) {
            report.accept(
                Diagnostic.of(
                        Code.LOCATION_COLUMN,
                        column.span(),
                        "the '@' column of channel '" + name + "' names a node, so it must be a string")
                    .withHelp("write @" + column.name().text() + ": string"));
          }
        } else {
          report.accept(
              Diagnostic.of(
                      Code.LOCATION_COLUMN,
                      column.span(),
                      "channel '" + name + "' has more than one '@' column")
                  .withHelp("a message has one destination; remove the '@' from all but one column")
                  .withRelated(first.span(), "the first '@' column"));
        }
      }
      if (first == null) {
        report.accept(
            Diagnostic.of(
                    Code.LOCATION_COLUMN,
                    declaration.name().span(),
                    "channel '" + name + "' has no '@' column for the destination node")
                .withHelp(
                    "mark the destination column with '@', e.g. channel "
                        + name
                        + "(@to: string, ...)"));
      }
    }
  }
}
