package calm.analysis;

import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.syntax.Column;
import calm.syntax.Declaration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/** E103: the columns of one relation have distinct names. */
final class DuplicateColumnCheck implements Check {
  @Override
  public void check(CheckContext context, Consumer<Diagnostic> report) {
    for (Declaration declaration : context.program().declarations()) {
      Map<String, Column> seen = new HashMap<>();
      for (Column column : declaration.columns()) {
        Column earlier = seen.putIfAbsent(column.name().text(), column);
        if (earlier != null) {
          report.accept(
              Diagnostic.of(
                      Code.DUPLICATE_COLUMN,
                      column.name().span(),
                      "relation '"
                          + declaration.name().text()
                          + "' has two columns named '"
                          + column.name().text()
                          + "'")
                  .withHelp("give each column its own name")
                  .withRelated(earlier.name().span(), "the first '" + column.name().text() + "'"));
        }
      }
    }
  }
}
