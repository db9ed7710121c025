package calm.cli;

import calm.serve.Limits;
import calm.serve.PlaygroundServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code calm serve}: the playground, a page that checks, draws and explores programs (docs/playground.md). */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Starts the playground: a local web page with an editor, the examples of DIR, the verdict table,",
      "the graph and the explorer's witnesses. Runs until stopped (Ctrl-C).",
      "Exit status: 2 when the server cannot start (port taken, DIR missing)."
    })
final class ServeCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = "examples",
      description = "the directory whose .calm files the page offers as examples (default: ${DEFAULT-VALUE})")
  Path dir;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
      description = "the port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1",
      description = "the address to listen on (default: ${DEFAULT-VALUE}: this machine only; the page runs any program it is sent)")
  String host;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65535) {
      err.println("calm serve: --port must be between 0 and 65535, not " + port);
      return ExitCodes.FAILURE;
    }
    if (!Files.isDirectory(dir)) {
      err.println("calm serve: " + SourceLoader.display(dir) + ": not a directory");
      return ExitCodes.FAILURE;
    }
    PlaygroundServer server;
    try {
      server = PlaygroundServer.start(host, port, dir, new PlaygroundAnalyzer(), Limits.defaults());
    } catch (IOException e) {
      err.println("calm serve: cannot listen on " + host + ":" + port + ": " + SourceLoader.reason(e));
      return ExitCodes.FAILURE;
    }
    out.println("calm serve: the playground is at " + server.address() + " (examples from "
        + SourceLoader.display(dir) + "; Ctrl-C stops it)");
    out.flush();
    new CountDownLatch(1).await(); // serves until the process is stopped
    return ExitCodes.OK;
  }
}
