package calm.lsp;

import calm.analysis.Checker;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.RenameOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/** The Calm language server: {@code calm check}'s findings, hover, navigation and fixes for open {@code .calm} files. */
public final class CalmLanguageServer implements LanguageServer, LanguageClientAware {
  /** How long typing must pause before a change that closely follows another is checked. */
  public static final long DEFAULT_DEBOUNCE_MILLIS = 30;
  /** Deep but legal programs recurse deeply in the parser and the analyses, as in {@code calm.cli.Main}. */
  private static final long STACK_BYTES = 512L * 1024 * 1024;

  private final ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor(threads("calm-lsp-check"));
  private final ExecutorService requests = Executors.newFixedThreadPool(2, threads("calm-lsp-request"));
  private final CalmTextDocumentService documents;
  private final CalmWorkspaceService workspace = new CalmWorkspaceService();
  private final CompletableFuture<Integer> exited = new CompletableFuture<>();
  private volatile boolean shutdown;

  public CalmLanguageServer() {
    this(DEFAULT_DEBOUNCE_MILLIS);
  }

  public CalmLanguageServer(long debounceMillis) {
    this.documents = new CalmTextDocumentService(Checker.standard(), debounceMillis, publisher, requests);
  }

  private static ThreadFactory threads(String name) {
    return work -> {
      Thread thread = new Thread(null, work, name, STACK_BYTES);
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void connect(LanguageClient client) {
    documents.connect(client);
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    ServerCapabilities capabilities = new ServerCapabilities();
    capabilities.setTextDocumentSync(TextDocumentSyncKind.Full);
    capabilities.setHoverProvider(true);
    capabilities.setDefinitionProvider(true);
    capabilities.setReferencesProvider(true);
    capabilities.setDocumentSymbolProvider(true);
    RenameOptions rename = new RenameOptions();
    rename.setPrepareProvider(true);
    capabilities.setRenameProvider(Either.forRight(rename));
    capabilities.setCodeActionProvider(Either.forRight(new CodeActionOptions(List.of(CodeActionKind.QuickFix))));
    String version = CalmLanguageServer.class.getPackage().getImplementationVersion();
    return CompletableFuture.completedFuture(
        new InitializeResult(capabilities, new ServerInfo("calm", version == null ? "0.0.0-dev" : version)));
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    shutdown = true;
    publisher.shutdownNow();
    requests.shutdown();
    return CompletableFuture.completedFuture(null);
  }

  /** LSP: exit status 0 after a shutdown request, 1 without one. */
  @Override
  public void exit() {
    publisher.shutdownNow();
    requests.shutdownNow();
    exited.complete(shutdown ? 0 : 1);
  }

  /** Completes with the exit status when the client says exit, or with 1 when it goes away without. */
  public CompletableFuture<Integer> exited() {
    return exited;
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return documents;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return workspace;
  }
}
