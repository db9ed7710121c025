package calm.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code calm lsp}: the language server, speaking LSP over standard input and output. */
@Command(
    name = "lsp",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the Calm language server over standard input and output (Language Server Protocol):",
      "calm check's diagnostics as you type, hover, go to definition, references, rename, outline",
      "and quick fixes for coordination points. Editors start it; see docs/editors.md."
    })
public final class LspCommand implements Callable<Integer> {
  @Option(names = "--stdio", description = "Talk over standard input and output (the default and only transport; accepted because clients pass it).")
  boolean stdio;

  @Option(
      names = "--debounce",
      paramLabel = "MS",
      description = "Milliseconds typing must pause before a change that closely follows another is checked; a change after a quiet spell is checked at once (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + CalmLanguageServer.DEFAULT_DEBOUNCE_MILLIS)
  long debounce;

  @Override
  public Integer call() throws InterruptedException {
    return serve(new CalmLanguageServer(Math.max(0, debounce)), System.in, System.out);
  }

  /** Serves one client until it says exit or closes the stream; returns the exit status. */
  static int serve(CalmLanguageServer server, InputStream in, OutputStream out) throws InterruptedException {
    var launcher = LSPLauncher.createServerLauncher(server, in, out);
    LanguageClient client = launcher.getRemoteProxy();
    server.connect(client);
    Future<Void> listening = launcher.startListening();
    Thread watcher = new Thread(() -> {
      try {
        listening.get();
      } catch (InterruptedException | ExecutionException e) {
        // the stream is gone either way
      }
      server.exited().complete(1);
    }, "calm-lsp-input");
    watcher.setDaemon(true);
    watcher.start();
    try {
      return server.exited().get();
    } catch (ExecutionException e) {
      return 1;
    }
  }
}
