package calm.cli;

import calm.diagnostics.Code;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code calm explain CODE}: the long explanation of a diagnostic; without a code, the list of codes. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the explanation of a diagnostic code, with a wrong and a right example.",
      "CODE is an id (E101) or a name (unknown-relation); without CODE, lists every code."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:explained or listed", "2:no such code"})
final class ExplainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "CODE",
      description = "A diagnostic id or name.",
      completionCandidates = CodeCandidates.class)
  String code;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (code == null) {
      for (Code c : Code.values()) {
        out.printf("%s  %-8s %-28s %s%n", c.id(), c.severity().label(), c.slug(), c.summary());
      }
      out.flush();
      return ExitCodes.OK;
    }
    Optional<Code> found = Code.lookup(code.strip());
    if (found.isEmpty()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("calm explain: unknown diagnostic code '" + code + "'");
      err.println("Run 'calm explain' without a code to list them all.");
      return ExitCodes.FAILURE;
    }
    String text = found.get().explanation();
    out.print(text.endsWith("\n") ? text : text + "\n");
    out.flush();
    return ExitCodes.OK;
  }

  /** Every id and name, for shell completion. */
  static final class CodeCandidates implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      java.util.List<String> all = new java.util.ArrayList<>();
      for (Code c : Code.values()) {
        all.add(c.id());
      }
      for (Code c : Code.values()) {
        all.add(c.slug());
      }
      return all.iterator();
    }
  }
}
