package calm.cli;

import calm.diagnostics.Code;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code calm explain CODE}: the long explanation of a diagnostic; without a code, the list of codes.
 * Declared through picocli's programmatic API ({@link #spec()}), as every short command is.
 */
final class ExplainCommand implements Callable<Integer> {
  private CommandSpec spec;
  private String code;

  /** The command's model. */
  static CommandSpec spec() {
    ExplainCommand command = new ExplainCommand();
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
    command.spec = spec;
    spec.name("explain");
    Map<String, String> exitCodes = new LinkedHashMap<>();
    exitCodes.put("0", "explained or listed");
    exitCodes.put("2", "no such code");
    spec.usageMessage()
        .description(
            "Prints the explanation of a diagnostic code, with a wrong and a right example.",
            "CODE is an id (E101) or a name (unknown-relation); without CODE, lists every code.")
        .exitCodeListHeading("%nExit status:%n")
        .exitCodeList(exitCodes);
    spec.addPositional(PositionalParamSpec.builder().arity("0..1").paramLabel("CODE").type(String.class)
        .completionCandidates(new CodeCandidates()).description("A diagnostic id or name.").build());
    StandardHelpOptions.addTo(spec); // last, where picocli puts a mixin's (the completion script lists them in order)
    return spec;
  }

  @Override
  public Integer call() {
    code = spec.positionalParameters().get(0).getValue();
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
