package calm.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code calm explore}: not built yet. */
@Command(name = "explore", description = "(not built yet)")
final class ExploreCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("calm explore: not built yet");
    return ExitCodes.FAILURE;
  }
}
