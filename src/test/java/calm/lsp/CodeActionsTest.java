package calm.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.analysis.Checker;
import calm.analysis.calm.CalmReport;
import calm.analysis.calm.PointKind;
import calm.analysis.calm.PointStatus;
import calm.syntax.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every quick fix the server offers on the examples' open coordination points, applied to the text and
 * checked again with {@code calm check}'s own checker: the file must have no error, and the point must
 * be gone (a persisted event: its race gone), with no new open point elsewhere.
 */
class CodeActionsTest {
  LspSession session;

  @BeforeEach
  void start() throws Exception {
    session = LspSession.started();
  }

  @AfterEach
  void stop() throws Exception {
    session.close();
  }

  static CalmReport calm(String text) {
    Checker.Outcome outcome = Checker.standard().run(new SourceFile("fixed.calm", text));
    assertFalse(outcome.report().hasErrors(), () -> "the fix leaves errors: " + outcome.report().diagnostics() + "\n" + text);
    return outcome.checked().orElseThrow().calmReport();
  }

  static long open(CalmReport report) {
    return report.points().stream().filter(p -> p.status() == PointStatus.UNACKNOWLEDGED).count();
  }

  static long openRaces(CalmReport report) {
    return report.points().stream()
        .filter(p -> p.status() == PointStatus.UNACKNOWLEDGED && p.kinds().contains(PointKind.RACE)).count();
  }

  @Test
  void everyOfferedFixChecksCleanForThePointItFixes() throws Exception {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("examples"))) {
      files = walk.filter(p -> p.toString().endsWith(".calm")).sorted().toList();
    }
    List<String> offered = new ArrayList<>();
    int version = 0;
    for (Path file : files) {
      String uri = "file:///examples/" + file.getFileName() + "-" + (++version);
      String text = Files.readString(file);
      session.open(uri, text);
      List<Diagnostic> points = session.diagnostics(uri, 1).getDiagnostics().stream()
          .filter(d -> "C001".equals(d.getCode().getLeft()) && d.getSeverity() == DiagnosticSeverity.Error).toList();
      CalmReport before = calm(text);
      for (Diagnostic point : points) {
        List<CodeAction> actions = session.remote.getTextDocumentService()
            .codeAction(Fixtures.actionParams(uri, point.getRange(), List.of(point))).get(60, TimeUnit.SECONDS)
            .stream().map(e -> e.getRight()).toList();
        assertTrue(actions.stream().anyMatch(a -> a.getTitle().startsWith("Acknowledge")), file + " " + point.getMessage());
        for (CodeAction action : actions) {
          assertEquals(List.of(point), action.getDiagnostics());
          String fixed = Edits.apply(text, action.getEdit().getChanges().get(uri));
          CalmReport after = calm(fixed);
          String where = file + " line " + (point.getRange().getStart().getLine() + 1) + ": " + action.getTitle();
          if (action.getTitle().startsWith("Persist")) {
            assertTrue(openRaces(after) < openRaces(before), where);
            assertTrue(open(after) <= open(before), where);
          } else {
            assertTrue(open(after) < open(before), where);
          }
          offered.add(action.getTitle().split(" ")[0]);
        }
      }
    }
    assertTrue(offered.contains("Persist"), offered.toString());
    assertTrue(offered.contains("Seal"), offered.toString());
    assertTrue(offered.contains("Acknowledge"), offered.toString());
  }

  @Test
  void persistingTheOrderRemovesTheRaceAndItsPointAltogether() throws Exception {
    String text = Files.readString(Path.of("examples/05-inventory/naive.calm"));
    String uri = "file:///naive.calm";
    session.open(uri, text);
    Diagnostic race = session.diagnostics(uri, 1).getDiagnostics().stream()
        .filter(d -> d.getMessage().startsWith("coordination point (race): `accepted`")).findFirst().orElseThrow();
    CodeAction persist = session.remote.getTextDocumentService()
        .codeAction(Fixtures.actionParams(uri, race.getRange(), List.of(race))).get(60, TimeUnit.SECONDS)
        .stream().map(e -> e.getRight()).filter(a -> a.getTitle().startsWith("Persist `order`")).findFirst().orElseThrow();
    String fixed = Edits.apply(text, persist.getEdit().getChanges().get(uri));
    assertTrue(fixed.contains("table order_log("), fixed);
    assertTrue(fixed.contains("order_log(") && fixed.contains(":- order("), fixed);
    CalmReport after = calm(fixed);
    assertEquals(open(calm(text)) - 1, open(after), fixed);
    assertTrue(after.points().stream().noneMatch(p -> p.path().get(p.path().size() - 1).equals("accepted")
        && p.status() == PointStatus.UNACKNOWLEDGED), fixed);
  }
}
