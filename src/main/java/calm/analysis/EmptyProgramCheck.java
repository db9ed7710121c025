package calm.analysis;

import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.source.Span;
import java.util.function.Consumer;

/** W103: a file with no declaration, fact, rule or seal is almost always a mistake (a wrong path, a truncated file). */
final class EmptyProgramCheck implements Check {
  @Override
  public void check(CheckContext context, Consumer<Diagnostic> report) {
    if (context.program().items().isEmpty()) {
      report.accept(
          Diagnostic.of(Code.EMPTY_PROGRAM, Span.point(1, 1), "the file holds no declarations, facts or rules")
              .withHelp("a program starts with declarations such as 'table edge(x: int, y: int).'"));
    }
  }
}
