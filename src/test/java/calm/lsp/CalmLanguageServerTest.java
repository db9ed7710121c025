package calm.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.analysis.Checker;
import calm.analysis.FileReport;
import calm.syntax.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server driven through LSP4J's launchers over pipes, as an editor drives it. */
class CalmLanguageServerTest {
  static final Path CARTS = Path.of("examples/16-bloom-carts/disorderly.calm");
  static final String URI = "file:///work/disorderly.calm";

  LspSession session;
  TextDocumentService docs;

  @BeforeEach
  void start() throws Exception {
    session = LspSession.started();
    docs = session.remote.getTextDocumentService();
  }

  @AfterEach
  void stop() throws Exception {
    session.close();
  }

  static String read(Path path) throws Exception {
    return Files.readString(path);
  }

  /** What {@code calm check} reports for the text, through the same entry point it uses. */
  static FileReport check(String text) {
    return Checker.standard().check(new SourceFile("test.calm", text));
  }

  /** A cursor on the {@code nth} (0-based) occurrence of {@code word} in {@code text}. */
  static Position on(String text, String word, int nth) {
    int at = -1;
    for (int i = 0; i <= nth; i++) {
      at = text.indexOf(word, at + 1);
      assertTrue(at >= 0, word + " occurs fewer than " + (nth + 1) + " times");
    }
    int line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
    int column = at - (text.lastIndexOf('\n', at - 1) + 1);
    return new Position(line, column + 1);
  }

  TextDocumentIdentifier doc() {
    return new TextDocumentIdentifier(URI);
  }

  @Test
  void diagnosticsOnOpenAreCheckOwnWithThePathAsRelatedLocations() throws Exception {
    String text = read(CARTS);
    session.open(URI, text);
    PublishDiagnosticsParams published = session.diagnostics(URI, 1);
    List<calm.diagnostics.Diagnostic> expected = check(text).diagnostics();
    assertEquals(expected.size(), published.getDiagnostics().size());
    for (int i = 0; i < expected.size(); i++) {
      calm.diagnostics.Diagnostic want = expected.get(i);
      Diagnostic got = published.getDiagnostics().get(i);
      assertEquals(want.code().id(), got.getCode().getLeft());
      assertEquals(want.message(), got.getMessage());
      assertEquals(Ranges.of(want.span()), got.getRange());
      assertEquals("calm", got.getSource());
    }
    Diagnostic point = published.getDiagnostics().stream().filter(d -> d.getCode().getLeft().equals("C001")).findFirst().orElseThrow();
    assertEquals(DiagnosticSeverity.Error, point.getSeverity());
    List<String> hops = point.getRelatedInformation().stream().map(r -> r.getMessage()).filter(m -> m.startsWith("path ")).toList();
    // client_action → action_msg → action_log → item_sum: the source's declaration, then one location per edge
    assertEquals(4, hops.size(), hops.toString());
    assertTrue(hops.get(1).contains("client_action → action_msg"), hops.get(1));
    var lastHop = point.getRelatedInformation().stream().filter(r -> r.getMessage().startsWith("path 4/4")).findFirst().orElseThrow();
    assertEquals(23, lastHop.getLocation().getRange().getStart().getLine(), "the action_log atom of the summing rule");
    assertTrue(point.getRelatedInformation().stream().anyMatch(r -> r.getMessage().startsWith("help: persist `checkout_msg`")));
  }

  @Test
  void aChangeIsCheckedAgainAndAFileThatDoesNotParseIsReportedNotFatal() throws Exception {
    String text = read(CARTS);
    session.open(URI, text);
    session.diagnostics(URI, 1);
    String broken = text.replace("action_log(S, R, I, D) :- action_msg(", "action_log(S, R, I, D) :- :- action_msg(");
    session.change(URI, 2, broken);
    List<Diagnostic> syntax = session.diagnostics(URI, 2).getDiagnostics();
    assertEquals(check(broken).diagnostics().size(), syntax.size());
    assertTrue(syntax.stream().anyMatch(d -> d.getSeverity() == DiagnosticSeverity.Error && d.getCode().getLeft().startsWith("E")));
    // every request still answers on the broken text
    assertNull(docs.hover(new HoverParams(doc(), on(broken, "item_sum", 1))).get(30, TimeUnit.SECONDS));
    assertTrue(docs.documentSymbol(new DocumentSymbolParams(doc())).get(30, TimeUnit.SECONDS).isEmpty());
    assertTrue(docs.codeAction(Fixtures.actionParams(URI, new Position(0, 0), new Position(30, 0))).get(30, TimeUnit.SECONDS).isEmpty());
    String misspelt = text.replace(":- action_log(", ":- action_logg(");
    session.change(URI, 3, misspelt);
    List<Diagnostic> unknown = session.diagnostics(URI, 3).getDiagnostics();
    assertTrue(unknown.stream().anyMatch(d -> d.getCode().getLeft().equals("E101")), unknown.toString());
    Hover hover = docs.hover(new HoverParams(doc(), on(misspelt, "action_logg", 0))).get(30, TimeUnit.SECONDS);
    assertTrue(hover.getContents().getRight().getValue().contains("not declared"));
    session.change(URI, 4, text);
    assertEquals(check(text).diagnostics().size(), session.diagnostics(URI, 4).getDiagnostics().size());
  }

  @Test
  void hoverShowsTheDeclarationTheVerdictAndTheCoordinationPoint() throws Exception {
    String text = read(CARTS);
    session.open(URI, text);
    String output = docs.hover(new HoverParams(doc(), on(text, "client_response(S, I, N)", 0))).get(30, TimeUnit.SECONDS)
        .getContents().getRight().getValue();
    assertTrue(output.contains("output table client_response(session: string, item: string, qty: int)."), output);
    assertTrue(output.contains("output verdict: **needs coordination**"), output);
    assertTrue(output.contains("line 24: `item_sum`, aggregation, race, unacknowledged"), output);
    assertTrue(output.contains("**asynchronous**"), output);
    String head = docs.hover(new HoverParams(doc(), on(text, "item_sum(S, I, sum", 0))).get(30, TimeUnit.SECONDS)
        .getContents().getRight().getValue();
    assertTrue(head.contains("**coordination point** (aggregation, race), neither sealed nor acknowledged"), head);
    assertTrue(head.contains("path: client_action → action_msg → action_log → item_sum"), head);
    assertTrue(head.contains("scratch"), head);
    String server = docs.hover(new HoverParams(doc(), on(text, "server(A)", 0))).get(30, TimeUnit.SECONDS)
        .getContents().getRight().getValue();
    assertTrue(server.contains("**synchronous**"), server);
    String quiet = docs.hover(new HoverParams(doc(), on(text, "action_log(S, R, I, D) :-", 0))).get(30, TimeUnit.SECONDS)
        .getContents().getRight().getValue();
    assertTrue(quiet.contains("not a coordination point"), quiet);
    assertNull(docs.hover(new HoverParams(doc(), new Position(0, 3))).get(30, TimeUnit.SECONDS), "a comment names nothing");
  }

  @Test
  void definitionReferencesAndRename() throws Exception {
    String text = read(CARTS);
    session.open(URI, text);
    Position use = on(text, "action_log(S, R, I, D), checkout_msg", 0);
    List<? extends Location> definition = docs.definition(new DefinitionParams(doc(), use)).get(30, TimeUnit.SECONDS).getLeft();
    assertEquals(1, definition.size());
    assertEquals(on(text, "action_log(session", 0).getLine(), definition.get(0).getRange().getStart().getLine());
    assertEquals(6, definition.get(0).getRange().getStart().getCharacter());

    ReferenceParams references = new ReferenceParams(doc(), use, new ReferenceContext(true));
    assertEquals(3, docs.references(references).get(30, TimeUnit.SECONDS).size());
    references.setContext(new ReferenceContext(false));
    assertEquals(2, docs.references(references).get(30, TimeUnit.SECONDS).size());

    WorkspaceEdit rename = docs.rename(new RenameParams(doc(), use, "actions")).get(30, TimeUnit.SECONDS);
    List<TextEdit> edits = rename.getChanges().get(URI);
    assertEquals(3, edits.size());
    String renamed = Edits.apply(text, edits);
    assertFalse(renamed.contains("action_log"));
    assertEquals(check(text).diagnostics().stream().map(d -> d.code().id() + d.span()).toList(),
        check(renamed).diagnostics().stream().map(d -> d.code().id() + d.span()).toList(), "the renamed file checks as before");

    ExecutionException taken = assertThrows(ExecutionException.class,
        () -> docs.rename(new RenameParams(doc(), use, "server")).get(30, TimeUnit.SECONDS));
    assertTrue(taken.getCause() instanceof ResponseErrorException, taken.toString());
    assertThrows(ExecutionException.class, () -> docs.rename(new RenameParams(doc(), use, "Bad Name")).get(30, TimeUnit.SECONDS));
    assertThrows(ExecutionException.class, () -> docs.rename(new RenameParams(doc(), use, "table")).get(30, TimeUnit.SECONDS));
  }

  @Test
  void documentSymbolsListDeclarationsRulesSealsAndFacts() throws Exception {
    String text = read(Path.of("examples/04-bank-balance/statement.calm"));
    session.open(URI, text);
    List<DocumentSymbol> symbols = docs.documentSymbol(new DocumentSymbolParams(doc())).get(30, TimeUnit.SECONDS)
        .stream().map(e -> e.getRight()).toList();
    var program = check(text).program().orElseThrow();
    assertEquals(program.items().size(), symbols.size());
    assertEquals(program.declarations().size(), symbols.stream().filter(s -> s.getKind() == org.eclipse.lsp4j.SymbolKind.Struct).count());
    assertEquals(program.rules().size(), symbols.stream().filter(s -> "rule".equals(s.getDetail())).count());
    assertEquals(1, symbols.stream().filter(s -> s.getName().startsWith("seal ledger(")).count());
    assertEquals(program.constraints().size(), symbols.stream().filter(s -> "constraint".equals(s.getDetail())).count());
    assertTrue(program.constraints().size() > 0, "the example states its invariant");
  }

  @Test
  void malformedRequestsAndUnknownDocumentsDoNotStopTheServer() throws Exception {
    String text = read(CARTS);
    session.open(URI, text);
    session.diagnostics(URI, 1);
    session.sendRaw("{this is not json");
    session.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":991,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":42}}");
    session.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":992,\"method\":\"calm/noSuchMethod\",\"params\":{}}");
    session.sendRaw("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":\"file:///nowhere.calm\"},\"contentChanges\":[]}}");
    assertThrows(ExecutionException.class, () -> docs.hover(
        new HoverParams(new TextDocumentIdentifier("file:///never-opened.calm"), new Position(0, 0))).get(30, TimeUnit.SECONDS));
    assertThrows(ExecutionException.class, () -> docs.hover(
        new HoverParams(new TextDocumentIdentifier("file:///nowhere.calm"), new Position(0, 0))).get(30, TimeUnit.SECONDS),
        "a change to a document never opened does not open it");
    assertNull(docs.hover(new HoverParams(doc(), new Position(9999, 9999))).get(30, TimeUnit.SECONDS));
    assertNull(docs.hover(new HoverParams(doc(), new Position(-1, -7))).get(30, TimeUnit.SECONDS));
    Hover alive = docs.hover(new HoverParams(doc(), on(text, "item_sum(S, I, sum", 0))).get(30, TimeUnit.SECONDS);
    assertNotNull(alive, "the server still answers");
    session.open("file:///binary.calm", "\u0000\u0001 table (((( \"unterminated");
    assertFalse(session.diagnostics("file:///binary.calm", 1).getDiagnostics().isEmpty());
  }

  @Test
  void aBurstOfChangesEndsWithTheDiagnosticsOfTheLastText() throws Exception {
    String text = read(CARTS);
    session.open(URI, text);
    session.diagnostics(URI, 1);
    String last = text;
    for (int version = 2; version <= 8; version++) {
      last = text + "\n// typing " + "x".repeat(version) + (version % 2 == 0 ? "\nbroken(" : "");
      session.change(URI, version, last);
    }
    List<Diagnostic> published = session.diagnostics(URI, 8).getDiagnostics();
    assertEquals(check(last).diagnostics().stream().map(d -> d.code().id() + " " + d.message()).toList(),
        published.stream().map(d -> d.getCode().getLeft() + " " + d.getMessage()).toList());
  }

  @Test
  void hoverOnASealedOutputAndAnAcknowledgedRule() throws Exception {
    String sealed = read(Path.of("examples/04-bank-balance/statement.calm"));
    session.open(URI, sealed);
    String output = docs.hover(new HoverParams(doc(), on(sealed, "statement(", 0))).get(30, TimeUnit.SECONDS)
        .getContents().getRight().getValue();
    assertTrue(output.contains("output verdict: **sealed** — every upstream coordination point is sealed"), output);
    String coordinated = read(Path.of("examples/05-inventory/coordinated.calm"));
    String uri = "file:///coordinated.calm";
    session.open(uri, coordinated);
    int line = check(coordinated).calm().points().get(0).at().line();
    String head = docs.hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(line - 1, 1)))
        .get(30, TimeUnit.SECONDS).getContents().getRight().getValue();
    assertTrue(head.contains("acknowledged with @coordinated"), head);
  }

  @Test
  void shutdownThenExitEndsTheServerWithStatusZero() throws Exception {
    session.remote.shutdown().get(30, TimeUnit.SECONDS);
    session.remote.exit();
    assertEquals(0, session.serving.get(30, TimeUnit.SECONDS));
  }
}
