package calm.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code calm graph}: not built yet. */
@Command(name = "graph", description = "(not built yet)")
final class GraphCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("calm graph: not built yet");
    return ExitCodes.FAILURE;
  }
}
