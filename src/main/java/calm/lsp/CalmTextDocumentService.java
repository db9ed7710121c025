package calm.lsp;

import calm.analysis.Checker;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * The open documents: each change replaces the text (full sync), and the diagnostics follow at once
 * after a quiet spell, or once typing pauses, so that typing does not queue a check per keystroke. Requests read the snapshot of
 * the current text, working it out at once if the publisher has not yet.
 */
final class CalmTextDocumentService implements TextDocumentService {
  private final Checker checker;
  private final Fixes fixes;
  private final long debounceMillis;
  private final ScheduledExecutorService publisher;
  private final ExecutorService requests;
  private final Map<String, Document> documents = new ConcurrentHashMap<>();
  private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
  private final Map<String, Long> lastChange = new ConcurrentHashMap<>();
  private volatile LanguageClient client;

  CalmTextDocumentService(Checker checker, long debounceMillis, ScheduledExecutorService publisher, ExecutorService requests) {
    this.checker = checker;
    this.fixes = new Fixes(checker);
    this.debounceMillis = debounceMillis;
    this.publisher = publisher;
    this.requests = requests;
  }

  void connect(LanguageClient client) {
    this.client = client;
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    var item = params.getTextDocument();
    documents.put(item.getUri(), new Document(item.getUri(), item.getVersion(), item.getText()));
    schedule(item.getUri(), 0);
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    Document old = documents.get(uri);
    if (old == null) {
      return; // a change to a document the client never opened: there is no text to change
    }
    String text = old.text();
    for (TextDocumentContentChangeEvent change : params.getContentChanges()) {
      // full sync sends the whole text; a range, should a client send one anyway, is applied
      text = change.getRange() == null
          ? change.getText()
          : Edits.apply(text, List.of(new org.eclipse.lsp4j.TextEdit(change.getRange(), change.getText())));
    }
    Integer version = params.getTextDocument().getVersion();
    documents.put(uri, new Document(uri, version == null ? old.version() + 1 : version, text));
    scheduleChange(uri);
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    documents.remove(uri);
    lastChange.remove(uri);
    ScheduledFuture<?> waiting = pending.remove(uri);
    if (waiting != null) {
      waiting.cancel(false);
    }
    LanguageClient c = client;
    if (c != null) {
      c.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
    }
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    // the text is already current: full sync sends every change
  }

  /**
   * A change after a quiet spell is checked at once; one that follows another closely waits for the
   * typing to pause, so a burst of keystrokes costs one check at its start and one at its end.
   */
  private void scheduleChange(String uri) {
    long now = System.nanoTime();
    Long before = lastChange.put(uri, now);
    boolean quiet = before == null || now - before > TimeUnit.MILLISECONDS.toNanos(debounceMillis);
    schedule(uri, quiet ? 0 : debounceMillis);
  }

  private void schedule(String uri, long delay) {
    ScheduledFuture<?> next = publisher.schedule(() -> publish(uri), delay, TimeUnit.MILLISECONDS);
    ScheduledFuture<?> before = pending.put(uri, next);
    if (before != null) {
      before.cancel(false);
    }
  }

  /** Checks the document's current text and publishes its diagnostics, unless it changed meanwhile. */
  private void publish(String uri) {
    Document document = documents.get(uri);
    LanguageClient c = client;
    if (document == null || c == null) {
      return;
    }
    try {
      Snapshot snapshot = document.snapshot(checker);
      if (documents.get(uri) == document) {
        c.publishDiagnostics(new PublishDiagnosticsParams(uri, LspDiagnostics.of(snapshot), document.version()));
      }
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      c.logMessage(new MessageParams(MessageType.Error, "calm lsp: could not check " + uri + ": " + e));
    }
  }

  /** Runs a request on the current snapshot of its document, off the message thread. */
  private <T> CompletableFuture<T> on(String uri, Function<Snapshot, T> request) {
    return CompletableFuture.supplyAsync(() -> {
      Document document = documents.get(uri);
      if (document == null) {
        throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, "not an open document: " + uri, null));
      }
      return request.apply(document.snapshot(checker));
    }, requests);
  }

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    return on(params.getTextDocument().getUri(), s -> Hovers.at(s, params.getPosition()).orElse(null));
  }

  @Override
  public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
    return on(params.getTextDocument().getUri(), s -> Either.forLeft(Navigation.definition(s, params.getPosition())));
  }

  @Override
  public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
    boolean withDeclaration = params.getContext() == null || params.getContext().isIncludeDeclaration();
    return on(params.getTextDocument().getUri(), s -> Navigation.references(s, params.getPosition(), withDeclaration));
  }

  @Override
  public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
    return on(params.getTextDocument().getUri(),
        s -> Symbols.of(s).stream().map(Either::<SymbolInformation, DocumentSymbol>forRight).toList());
  }

  @Override
  public CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(PrepareRenameParams params) {
    return on(params.getTextDocument().getUri(),
        s -> Navigation.prepareRename(s, params.getPosition()).map(Either3::<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>forFirst).orElse(null));
  }

  @Override
  public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
    return on(params.getTextDocument().getUri(), s -> Navigation.rename(s, params.getPosition(), params.getNewName()));
  }

  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    List<org.eclipse.lsp4j.Diagnostic> context =
        params.getContext() == null || params.getContext().getDiagnostics() == null ? List.of() : params.getContext().getDiagnostics();
    return on(params.getTextDocument().getUri(),
        s -> fixes.at(s, params.getRange(), context).stream().map(Either::<Command, CodeAction>forRight).toList());
  }
}
