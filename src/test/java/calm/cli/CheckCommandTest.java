package calm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code calm check} end to end: each exit status of §10 and each kind of bad input. */
class CheckCommandTest {
  @TempDir Path dir;

  private static final String CLEAN =
      "table edge(x: int, y: int).\noutput table path(x: int, y: int).\nedge(1, 2).\n"
          + "path(X, Y) :- edge(X, Y).\n";
  private static final String BROKEN = "table edge(x: int, y: int).\nedge(1, 2).\nedge(X, Y) :- egde(X, Y).\n";
  private static final String WARNS = "table edge(x: int, y: int).\ntable unused(x: int).\nedge(1, 2).\n";

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void cleanProgramExitsZeroWithASummary() throws IOException {
    Cli cli = Cli.run("check", write("ok.calm", CLEAN).toString());
    assertEquals(0, cli.status(), cli.toString());
    assertTrue(cli.out().endsWith("1 file checked: 0 errors, 0 warnings\n"), cli.toString());
  }

  @Test
  void anErrorInAnyFileExitsOne() throws IOException {
    write("a/ok.calm", CLEAN);
    write("a/b/broken.calm", BROKEN);
    Cli cli = Cli.run("check", dir.resolve("a").toString());
    assertEquals(1, cli.status(), cli.toString());
    assertTrue(cli.out().contains("broken.calm:3:15: error[E101]: unknown relation 'egde'"), cli.toString());
    assertTrue(cli.out().contains("2 files checked: 1 error, 0 warnings"), cli.toString());
  }

  @Test
  void theExamplesHaveNoFaultsOnlyTheCoordinationPointsTheyTeach() throws Exception {
    Cli cli = Cli.run("check", "--format", "json", "examples");
    assertEquals(1, cli.status(), "the naive examples need coordination: " + cli);
    JsonNode files = JsonTrees.MAPPER.readTree(cli.out()).get("files");
    assertTrue(files.size() > 30, cli.toString());
    for (JsonNode file : files) {
      for (JsonNode d : file.get("diagnostics")) {
        // the CALM findings the examples teach: coordination points, and constraints they threaten
        assertTrue(
            List.of("C001", "C002").contains(d.get("code").asText()),
            file.get("path").asText() + ": only CALM findings are expected, got " + d);
      }
    }
  }

  @Test
  void aMissingPathExitsTwoNamingIt() throws IOException {
    Path missing = dir.resolve("nope.calm");
    Cli cli = Cli.run("check", write("ok.calm", CLEAN).toString(), missing.toString());
    assertEquals(2, cli.status(), cli.toString());
    assertTrue(cli.err().contains(missing + ": no such file or directory"), cli.toString());
    assertTrue(cli.out().contains("1 file checked"), "the other file is still checked: " + cli);
  }

  @Test
  void aBadOptionExitsTwo() throws IOException {
    Cli cli = Cli.run("check", "--format", "xml", write("ok.calm", CLEAN).toString());
    assertEquals(2, cli.status(), cli.toString());
    assertTrue(cli.err().contains("'xml' is not one of text, json, sarif"), cli.toString());
    assertEquals(2, Cli.run("check").status(), "a path is required");
    assertEquals(2, Cli.run("check", "--max-warnings", "-5", dir.toString()).status());
  }

  @Test
  void aDirectoryWithoutProgramsExitsTwo() throws IOException {
    write("docs/readme.txt", "not a program");
    Cli cli = Cli.run("check", dir.resolve("docs").toString());
    assertEquals(2, cli.status(), cli.toString());
    assertTrue(cli.err().contains("docs: directory holds no .calm files"), cli.toString());
  }

  @Test
  void anEmptyFileIsAWarning() throws IOException {
    Path empty = write("empty.calm", "");
    Cli cli = Cli.run("check", empty.toString());
    assertEquals(0, cli.status(), cli.toString());
    assertTrue(cli.out().contains("empty.calm:1:1: warning[W103]"), cli.toString());
    assertEquals(1, Cli.run("check", "--werror", empty.toString()).status());
  }

  @Test
  void aFileThatIsNotUtf8IsAnErrorAtTheBadByte() throws IOException {
    Path latin1 = dir.resolve("latin1.calm");
    Files.write(latin1, "table t(s: string).\nt(\"caf\u00e9\").\n".getBytes(StandardCharsets.ISO_8859_1));
    Cli cli = Cli.run("check", latin1.toString());
    assertEquals(1, cli.status(), cli.toString());
    assertTrue(cli.out().contains("latin1.calm:2:7: error[E001]: the file is not UTF-8 text: byte 0xE9"), cli.toString());
  }

  @Test
  void aBinaryFileIsAnErrorNotACrash() throws IOException {
    Path binary = dir.resolve("image.calm");
    byte[] bytes = new byte[4096];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31);
    }
    Files.write(binary, bytes);
    Cli cli = Cli.run("check", binary.toString());
    assertEquals(1, cli.status(), cli.toString());
    assertTrue(cli.out().contains("error[E001]: this is a binary file"), cli.toString());
    assertTrue(cli.err().isEmpty(), cli.toString());
  }

  @Test
  void tenThousandNestedParenthesesAreRefusedWithALocation() throws IOException {
    Path deep =
        write(
            "deep.calm",
            "table t(n: int).\nt(1).\nt(N) :- t(M), N = " + "(".repeat(10_000) + "M" + ")".repeat(10_000) + ".\n");
    Cli cli = Cli.run("check", deep.toString());
    assertEquals(1, cli.status(), cli.toString());
    assertTrue(cli.out().contains("deep.calm:3:275: error[E005]: parentheses nest more than 256 deep"), cli.toString());
    assertTrue(cli.out().length() < 2_000, "the long line is cut to a window");
  }

  @Test
  void aTenMegabyteProgramIsChecked() throws IOException {
    StringBuilder text = new StringBuilder("table edge(x: int, y: int).\noutput table path(x: int, y: int).\n");
    text.append("path(X, Y) :- edge(X, Y).\n");
    for (int i = 0; text.length() < 10 * 1024 * 1024; i++) {
      text.append("edge(").append(i).append(", ").append(i + 1).append(").\n");
      text.append("path(X, Z) :- path(X, Y), edge(Y, Z), X != ").append(i).append(".\n");
    }
    Cli cli = Cli.run("check", write("big.calm", text.toString()).toString());
    assertEquals(0, cli.status(), cli.toString());
    assertTrue(cli.out().contains("1 file checked: 0 errors, 0 warnings"), cli.toString());
  }

  @Test
  void aTenMegabyteFileOfGarbageStopsAfterFiftyErrors() throws IOException {
    Path garbage = write("garbage.calm", "p(X :- .\n".repeat(1_200_000));
    Cli cli = Cli.run("check", "--format", "json", garbage.toString());
    assertEquals(1, cli.status(), cli.toString().substring(0, 500));
    JsonNode diagnostics = JsonTrees.MAPPER.readTree(cli.out()).get("files").get(0).get("diagnostics");
    assertTrue(diagnostics.size() <= 51, "diagnostics: " + diagnostics.size());
    assertTrue(diagnostics.get(diagnostics.size() - 1).get("message").asText().contains("too many"));
  }

  @Test
  void aSymlinkLoopIsEnteredOnceAndSaidSo() throws IOException {
    write("tree/a.calm", CLEAN);
    Files.createSymbolicLink(dir.resolve("tree/loop"), dir.resolve("tree"));
    Cli cli = Cli.run("check", dir.resolve("tree").toString());
    assertEquals(0, cli.status(), cli.toString());
    assertTrue(cli.out().contains("1 file checked"), cli.toString());
    assertTrue(cli.err().contains("loop: symbolic link loops back"), cli.toString());
  }

  @Test
  void outputOptionWritesTheReportToAFile() throws IOException {
    Path report = dir.resolve("report.json");
    Cli cli = Cli.run("check", "--format", "json", "--output", report.toString(), write("b.calm", BROKEN).toString());
    assertEquals(1, cli.status());
    assertEquals("", cli.out());
    JsonNode json = JsonTrees.MAPPER.readTree(report.toFile());
    assertEquals("E101", json.get("files").get(0).get("diagnostics").get(0).get("code").asText());
    Cli unwritable =
        Cli.run("check", "--output", dir.resolve("no/such/dir/r.txt").toString(), write("c.calm", CLEAN).toString());
    assertEquals(2, unwritable.status(), unwritable.toString());
    assertTrue(unwritable.err().contains("cannot write"), unwritable.toString());
    assertTrue(unwritable.err().contains("no such file or directory"), unwritable.toString());
  }

  @Test
  void warningsFailOnlyWhenAskedTo() throws IOException {
    String file = write("w.calm", WARNS).toString();
    assertEquals(0, Cli.run("check", file).status());
    assertEquals(1, Cli.run("check", "--werror", file).status());
    Cli tooMany = Cli.run("check", "--max-warnings", "0", file);
    assertEquals(1, tooMany.status());
    assertTrue(tooMany.err().contains("1 warning, more than --max-warnings 0"), tooMany.toString());
    assertEquals(0, Cli.run("check", "--max-warnings", "1", file).status());
  }

  @Test
  void quietShowsOnlyErrorsAndTheSummary() throws IOException {
    String warns = write("w.calm", WARNS).toString();
    Cli cli = Cli.run("check", "--quiet", warns, write("b.calm", BROKEN).toString());
    assertFalse(cli.out().contains("warning["), cli.toString());
    assertTrue(cli.out().contains("error[E101]"), cli.toString());
    assertTrue(cli.out().contains("2 files checked: 1 error, 1 warning"), cli.toString());
  }

  @Test
  void colourOnlyInTextAndOnlyWhenAsked() throws IOException {
    String file = write("b.calm", BROKEN).toString();
    assertTrue(Cli.run("check", "--color", "always", file).out().contains("\u001b["));
    assertFalse(Cli.run("check", "--color", "never", file).out().contains("\u001b["));
    assertFalse(Cli.run("check", file).out().contains("\u001b["), "auto: tests do not run on a terminal");
    assertFalse(Cli.run("check", "--color", "always", "--format", "json", file).out().contains("\u001b["));
    assertFalse(Cli.run("check", "--color", "always", "--format", "sarif", file).out().contains("\u001b["));
  }

  @Test
  void autoColourRespectsNoColorAndTheTerminal() {
    assertTrue(ColorChoice.AUTO.colours(null, "xterm", true));
    assertTrue(ColorChoice.AUTO.colours("", null, true));
    assertFalse(ColorChoice.AUTO.colours("1", "xterm", true));
    assertFalse(ColorChoice.AUTO.colours(null, "xterm", false));
    assertFalse(ColorChoice.AUTO.colours(null, "dumb", true));
    assertTrue(ColorChoice.ALWAYS.colours("1", "dumb", false));
    assertFalse(ColorChoice.NEVER.colours(null, "xterm", true));
  }

  @Test
  void jsonHasTheShapeOfSection10() throws IOException {
    Cli cli = Cli.run("check", "--format", "json", write("b.calm", BROKEN).toString());
    JsonNode file = JsonTrees.MAPPER.readTree(cli.out()).get("files").get(0);
    assertTrue(file.get("path").asText().endsWith("b.calm"));
    JsonNode d = file.get("diagnostics").get(0);
    assertEquals("error", d.get("severity").asText());
    assertEquals(3, d.get("line").asInt());
    assertEquals(15, d.get("column").asInt());
    assertEquals(3, d.get("endLine").asInt());
    assertEquals(19, d.get("endColumn").asInt());
    assertTrue(file.get("coordinationPoints").isArray());
    assertTrue(file.get("outputs").isArray());
  }
}
