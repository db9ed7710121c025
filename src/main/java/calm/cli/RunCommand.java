package calm.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code calm run}: not built yet. */
@Command(name = "run", description = "(not built yet)")
final class RunCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("calm run: not built yet");
    return ExitCodes.FAILURE;
  }
}
