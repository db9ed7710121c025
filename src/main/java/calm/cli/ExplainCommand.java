package calm.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code calm explain}: not built yet. */
@Command(name = "explain", description = "(not built yet)")
final class ExplainCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("calm explain: not built yet");
    return ExitCodes.FAILURE;
  }
}
