package calm.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code calm check}: not built yet. */
@Command(name = "check", description = "(not built yet)")
final class CheckCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("calm check: not built yet");
    return ExitCodes.FAILURE;
  }
}
