package calm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blocks of a report escaped and encoded off the writing thread ({@link SafeText#prepare}) come out
 * byte for byte as their text would through the filter, whatever was written before them; and the
 * reports written in such blocks keep every result once, in order.
 */
class PreparedBlocksTest {
  @TempDir Path dir;

  /** Texts with everything the filter treats specially: controls, our colour stand-in, bidi overrides, pairs. */
  private static final List<String> TEXTS = List.of(
      "plain ascii\n",
      "arrows r1 \u2192 r2 \u2192 r3 and caf\u00e9\n",
      "a bell \u0007, an escape \u001b[2J, DEL \u007f, C1 \u0085 and \u009b\n",
      SafeText.ESC + "[1mbold" + SafeText.ESC + "[0m\n",
      "bidi \u202etxt.exe\u202c and isolates \u2066x\u2069\n",
      "a pair \ud83d\ude00 and a low half alone \udc1b after nothing\n",
      "a pair whose low half is the stand-in \ud83d" + SafeText.ESC + "\n",
      "a lone high half \ud83d in the middle\n",
      "x".repeat(20_000) + "\u2192" + "y".repeat(9_000) + "\u0001\n",
      "",
      "ends in half a pair \ud83d");

  @Test
  void aPreparedBlockIsWrittenAsItsTextWouldBe() throws IOException {
    for (String before : List.of("", "text\n", "half a pair \ud83d", "a stand-in next " + SafeText.ESC)) {
      for (String text : TEXTS) {
        for (boolean printer : new boolean[] {false, true}) {
          assertArrayEquals(
              throughText(before, text, printer), throughBlock(before, text, printer), () -> "after " + before + ": " + text);
        }
      }
    }
  }

  @Test
  void aLongTextWrittenInBlocksComesOutWhole() throws IOException {
    StringBuilder drawing = new StringBuilder();
    for (int i = 0; drawing.length() < 3 * ParallelBlocks.TEXT_BLOCK + 100; i++) {
      drawing.append(TEXTS.get(i % (TEXTS.size() - 1))).append("line ").append(i).append('\n');
    }
    for (String text : List.of(drawing.toString(), drawing + "no line end", drawing + "half a pair \ud83d", "")) {
      for (boolean printer : new boolean[] {false, true}) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SafeText.Filter filter = SafeText.writer(new Utf8Writer(bytes));
        Writer out = printer ? SafeText.printer(filter) : filter;
        ParallelBlocks.writeText(text, out);
        out.write("after\n");
        out.close();
        assertArrayEquals(throughText("", text, printer), bytes.toByteArray());
      }
    }
  }

  @Test
  void aWriterThatIsNoFilterGetsTheText() throws IOException {
    for (String text : TEXTS) {
      StringWriter out = new StringWriter();
      SafeText.write(out, SafeText.prepare(text));
      assertEquals(text, out.toString());
    }
  }

  @Test
  void aFailureToWriteABlockIsKeptAsAnyOther() throws IOException {
    OutputStream broken = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("disk full");
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        throw new IOException("disk full");
      }
    };
    SafeText.Filter filter = SafeText.writer(new Utf8Writer(broken));
    PrintWriter printer = SafeText.printer(filter);
    SafeText.write(printer, SafeText.prepare("a block\n"));
    assertTrue(printer.checkError());
    assertNotNull(filter.failure());
  }

  @Test
  void aSarifReportOfManyBlocksHasEveryResultOnceInOrder() throws IOException {
    int tables = 700; // several blocks of results, the last one not full
    StringBuilder program = new StringBuilder();
    for (int i = 0; i < tables; i++) {
      program.append("table unused").append(i).append("(x: int).\n");
    }
    program.append("output table o(x: int).\no(X) :- missing(X).\n");
    Path file = dir.resolve("many.calm");
    Files.writeString(file, program);
    JsonNode results = JsonTrees.MAPPER.readTree(Cli.run("check", "--format", "sarif", file.toString()).out())
        .get("runs").get(0).get("results");
    assertEquals(2 * tables + 1, results.size()); // never written and never read, for each table
    for (int i = 0; i < 2 * tables; i++) {
      JsonNode result = results.get(i);
      assertEquals(i % 2 == 0 ? "W101" : "W102", result.get("ruleId").asText());
      assertEquals(i / 2 + 1, result.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt());
    }
    JsonNode quiet = JsonTrees.MAPPER.readTree(Cli.run("check", "--format", "sarif", "-q", file.toString()).out())
        .get("runs").get(0).get("results");
    assertEquals(1, quiet.size(), quiet.toString());
    assertEquals(results.get(2 * tables), quiet.get(0));
  }

  private static byte[] throughText(String before, String text, boolean printer) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SafeText.Filter filter = SafeText.writer(new Utf8Writer(bytes));
    Writer out = printer ? SafeText.printer(filter) : filter;
    out.write(before);
    out.write(text);
    out.write("after\n");
    out.close();
    return bytes.toByteArray();
  }

  private static byte[] throughBlock(String before, String text, boolean printer) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SafeText.Filter filter = SafeText.writer(new Utf8Writer(bytes));
    Writer out = printer ? SafeText.printer(filter) : filter;
    out.write(before);
    SafeText.write(out, SafeText.prepare(text));
    out.write("after\n");
    out.close();
    return bytes.toByteArray();
  }
}
