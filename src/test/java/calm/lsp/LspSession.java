package calm.lsp;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A client and the server in one process, joined by pipes and speaking real LSP through LSP4J's
 * launchers: what the tests (and the benchmark) send goes through the JSON-RPC layer, as from an editor.
 */
final class LspSession implements AutoCloseable {
  final CalmLanguageServer server;
  final LanguageServer remote;
  final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
  final BlockingQueue<MessageParams> logged = new LinkedBlockingQueue<>();
  final PipedOutputStream toServer;
  final CompletableFuture<Integer> serving;

  LspSession(long debounceMillis) throws IOException {
    server = new CalmLanguageServer(debounceMillis);
    PipedInputStream serverIn = new PipedInputStream(1 << 20);
    toServer = new PipedOutputStream(serverIn);
    PipedInputStream clientIn = new PipedInputStream(1 << 20);
    PipedOutputStream fromServer = new PipedOutputStream(clientIn);
    serving = CompletableFuture.supplyAsync(() -> {
      try {
        return LspCommand.serve(server, serverIn, fromServer);
      } catch (InterruptedException e) {
        return -1;
      }
    });
    var launcher = LSPLauncher.createClientLauncher(new Client(), clientIn, toServer);
    launcher.startListening();
    remote = launcher.getRemoteProxy();
  }

  static LspSession started() throws Exception {
    LspSession session = new LspSession(10);
    InitializeParams init = new InitializeParams();
    init.setCapabilities(new ClientCapabilities());
    session.remote.initialize(init).get(30, TimeUnit.SECONDS);
    session.remote.initialized(new org.eclipse.lsp4j.InitializedParams());
    return session;
  }

  void open(String uri, String text) {
    remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "calm", 1, text)));
  }

  void change(String uri, int version, String text) {
    remote.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
        new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(text))));
  }

  /** The next diagnostics published for {@code uri} at {@code version} (earlier ones are skipped). */
  PublishDiagnosticsParams diagnostics(String uri, int version) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      PublishDiagnosticsParams p = published.poll(1, TimeUnit.SECONDS);
      if (p != null && p.getUri().equals(uri) && p.getVersion() != null && p.getVersion() == version) {
        return p;
      }
    }
    throw new AssertionError("no diagnostics for " + uri + " version " + version);
  }

  /** Bytes straight onto the server's input, as a broken client might send them. */
  void sendRaw(String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    synchronized (toServer) {
      toServer.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      toServer.write(body);
      toServer.flush();
    }
  }

  @Override
  public void close() throws Exception {
    if (!serving.isDone()) {
      remote.shutdown().get(30, TimeUnit.SECONDS);
      remote.exit();
      serving.get(30, TimeUnit.SECONDS);
    }
  }

  private final class Client implements LanguageClient {
    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
      published.add(diagnostics);
    }

    @Override
    public void showMessage(MessageParams messageParams) {
      logged.add(messageParams);
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {
      logged.add(message);
    }
  }
}
