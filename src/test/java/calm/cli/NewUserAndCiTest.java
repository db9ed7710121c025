package calm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user and a CI pipeline meet first: usage, typos, completion, replays, suppressions,
 * baselines. Isolated: one test sets the system property {@code calm.command}, which every explore
 * run reads.
 */
@Isolated
class NewUserAndCiTest {
  @TempDir Path dir;

  private static final String OPEN_POINT =
      "input add(e: string).\ninput ask(e: string).\ntable members(e: string).\noutput table absent(e: string).\n"
          + "members(E) :- add(E).\nabsent(E) :- ask(E), not members(E).\n";

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void calmAlonePrintsTheUsageToStandardErrorAndExitsTwo() {
    Cli cli = Cli.run();
    assertEquals(2, cli.status(), cli.toString());
    assertEquals("", cli.out());
    assertTrue(cli.err().startsWith("Usage: calm"), cli.toString());
  }

  @Test
  void aMistypedCommandOrOptionGetsADidYouMean() {
    Cli command = Cli.run("chek", "x.calm");
    assertEquals(2, command.status());
    assertTrue(command.err().contains("calm: unknown command 'chek'"), command.toString());
    assertTrue(command.err().contains("Did you mean 'calm check'?"), command.toString());
    assertTrue(command.err().contains("Try 'calm --help'"), command.toString());
    Cli option = Cli.run("check", "--formt", "json", "x.calm");
    assertEquals(2, option.status());
    assertTrue(option.err().contains("Did you mean '--format'?"), option.toString());
    Cli unrelated = Cli.run("zzzzzz");
    assertFalse(unrelated.err().contains("Did you mean"), unrelated.toString());
  }

  @Test
  void theCommandListShowsWholeSentences() {
    Cli cli = Cli.run("--help");
    assertEquals(0, cli.status());
    String flat = cli.out().replaceAll("\\s+", " ");
    assertTrue(flat.contains("then, for files without errors, the CALM analysis (coordination points and output verdicts)."), flat);
    assertTrue(flat.contains("with a shrunk witness for every output that differs."), flat);
    assertFalse(flat.contains("%n"), flat);
  }

  @Test
  void aNegativeMaxWarningsIsRejected() throws IOException {
    Path clean = write("ok.calm", "table t(x: int).\noutput table o(x: int).\nt(1).\no(X) :- t(X).\n");
    Cli cli = Cli.run("check", "--max-warnings", "-1", clean.toString());
    assertEquals(2, cli.status(), cli.toString());
    assertTrue(cli.err().contains("--max-warnings must be 0 or more, not -1"), cli.toString());
    assertEquals(0, Cli.run("check", "--max-warnings", "0", clean.toString()).status());
  }

  @Test
  void completionCoversEveryFormatAndEveryCode() {
    Cli cli = Cli.run("generate-completion");
    assertEquals(0, cli.status());
    for (String word : new String[] {"sarif", "mermaid", "svg", "csv", "never", "E101", "unknown-relation", "W301"}) {
      assertTrue(cli.out().contains(word), "completion offers " + word);
    }
  }

  @Test
  void replayLinesStartWithTheCommandAsInvoked() throws IOException {
    Path program = write("open.calm", OPEN_POINT.replace("input ask(e: string).\n", "input ask(e: string).\nask(\"a\").\nadd(\"a\").\n"));
    String before = System.getProperty("calm.command");
    System.setProperty("calm.command", "./calm");
    try {
      Cli cli = Cli.run("explore", program.toString(), "--runs", "50", "--seed", "1");
      assertTrue(cli.out().contains("A: ./calm explore " + program), cli.toString());
    } finally {
      if (before == null) {
        System.clearProperty("calm.command");
      } else {
        System.setProperty("calm.command", before);
      }
    }
  }

  @Test
  void exploringAProgramWhoseRunsFailSaysSo() throws IOException {
    Path program =
        write(
            "overflow.calm",
            "input go(x: int).\ntable n(x: int).\ntable seen(x: int).\noutput table big(x: int).\n"
                + "n(9223372036854775807).\ngo(1).\nseen(X) :- go(X).\nbig(Y) :- n(X), not seen(2), Y = X + 1.\n");
    Cli cli = Cli.run("explore", program.toString(), "--runs", "5");
    assertEquals(1, cli.status(), cli.toString());
    assertTrue(cli.out().contains("(no run finished: nothing to compare)"), cli.toString());
    assertFalse(cli.out().contains("no difference seen"), cli.toString());
    assertTrue(cli.err().contains("replay it: calm explore " + program + " --replay "), cli.toString());
  }

  @Test
  void suppressedFindingsStayVisibleInJsonWithTheirReason() throws IOException {
    Path program =
        write(
            "s.calm",
            "input add(i: string).\ntable audit(i: string).  // calm-ignore W102: read by the audit job\n"
                + "output table shown(i: string).\naudit(I) :- add(I).\nshown(I) :- add(I).\n");
    Cli cli = Cli.run("check", "--format", "json", "--werror", program.toString());
    assertEquals(0, cli.status(), cli.toString());
    JsonNode file = JsonTrees.MAPPER.readTree(cli.out()).get("files").get(0);
    assertEquals(0, file.get("diagnostics").size(), cli.out());
    assertEquals("W102", file.get("suppressed").get(0).get("code").asText());
    assertEquals("read by the audit job", file.get("suppressed").get(0).get("suppression").get("justification").asText());
    assertEquals(1, JsonTrees.MAPPER.readTree(cli.out()).get("summary").get("suppressed").asInt());
  }

  @Test
  void jsonSaysWhenAFileWasNotAnalyzed() throws IOException {
    Path broken = write("broken.calm", "output table o(x: int).\no(X) :- nowhere(X).\n");
    JsonNode root = JsonTrees.MAPPER.readTree(Cli.run("check", "--format", "json", broken.toString()).out());
    assertFalse(root.get("files").get(0).get("analyzed").asBoolean());
    assertTrue(root.get("files").get(0).get("notAnalyzedBecause").asText().contains("errors"));
    assertEquals(1, root.get("summary").get("notAnalyzed").asInt());
    assertEquals("calm", root.get("tool").get("name").asText());
  }

  @Test
  void aBaselineFailsOnlyOnNewFindingsAndSurvivesLineShifts() throws IOException {
    Path program = write("p.calm", OPEN_POINT);
    Path baseline = dir.resolve("baseline.json");
    assertEquals(1, Cli.run("check", program.toString()).status());
    Cli written = Cli.run("check", "--write-baseline", baseline.toString(), program.toString());
    assertEquals(0, written.status(), written.toString());
    assertTrue(Files.readString(baseline).contains("\"C001\""));
    assertEquals(0, Cli.run("check", "--baseline", baseline.toString(), program.toString()).status());

    Files.writeString(program, "// two new lines above\n\n" + OPEN_POINT);
    Cli shifted = Cli.run("check", "--baseline", baseline.toString(), program.toString());
    assertEquals(0, shifted.status(), shifted.toString());
    assertTrue(shifted.out().contains("1 in the baseline"), shifted.toString());

    Files.writeString(
        program,
        OPEN_POINT + "output table gone(e: string).\ngone(E) :- ask(E), not members(E).\n");
    Cli grown = Cli.run("check", "--baseline", baseline.toString(), program.toString());
    assertEquals(1, grown.status(), grown.toString());
    assertTrue(grown.out().contains("1 unacknowledged coordination point"), grown.toString());
    assertTrue(grown.out().contains("`gone` depends"), grown.toString());
    assertFalse(grown.out().contains("`absent` depends"), grown.toString());

    Cli missing = Cli.run("check", "--baseline", dir.resolve("nope.json").toString(), program.toString());
    assertEquals(2, missing.status(), missing.toString());
    assertTrue(missing.err().contains("cannot read baseline"), missing.toString());
  }
}
