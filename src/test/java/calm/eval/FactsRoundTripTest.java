package calm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.cli.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --facts and --output-dir: Soufflé's tab-separated files in, the same format out. */
class FactsRoundTripTest {
  private static final String COPY = """
      table item(id: int, name: string).
      table flag().
      output table out_item(id: int, name: string).
      output table out_flag().
      output table nothing(x: int).
      out_item(I, N) :- item(I, N).
      out_flag() :- flag().
      nothing(I) :- item(I, _), I > 1000000, I < 2000000.
      """;

  @Test
  void factsGoThroughUnchanged(@TempDir Path tmp) throws IOException {
    Path program = Files.writeString(tmp.resolve("copy.calm"), COPY);
    Path in = Files.createDirectories(tmp.resolve("in"));
    String items = "-5\tplain\n0\twith space and \"quotes\"\n42\tünïcødé ✓\n9223372036854775807\tback\\slash\n"
        + "-9223372036854775808\t\n";
    Files.writeString(in.resolve("item.facts"), items, StandardCharsets.UTF_8);
    Files.writeString(in.resolve("flag.facts"), "()\n");
    Path out = tmp.resolve("out");
    Cli r = Cli.run("run", program.toString(), "--facts", in.toString(), "--output-dir", out.toString());
    assertEquals(0, r.status(), r.err());
    // sorted numerically; the empty string survives as an empty column
    assertEquals("-9223372036854775808\t\n-5\tplain\n0\twith space and \"quotes\"\n42\tünïcødé ✓\n"
        + "9223372036854775807\tback\\slash\n", Files.readString(out.resolve("out_item.csv"), StandardCharsets.UTF_8));
    assertEquals("()\n", Files.readString(out.resolve("out_flag.csv")));
    assertTrue(Files.exists(out.resolve("nothing.csv")), "an empty output still gets its file");
    assertEquals("", Files.readString(out.resolve("nothing.csv")));

    // what was written reads back as facts and gives the same outputs again
    Path again = Files.createDirectories(tmp.resolve("again"));
    Files.copy(out.resolve("out_item.csv"), again.resolve("item.facts"));
    Files.copy(out.resolve("out_flag.csv"), again.resolve("flag.facts"));
    Path out2 = tmp.resolve("out2");
    assertEquals(0, Cli.run("run", program.toString(), "--facts", again.toString(), "--output-dir",
        out2.toString()).status());
    assertEquals(Files.readString(out.resolve("out_item.csv")), Files.readString(out2.resolve("out_item.csv")));
    assertEquals(Files.readString(out.resolve("out_flag.csv")), Files.readString(out2.resolve("out_flag.csv")));
  }

  @Test
  void numbersReadTheSameInEverySpelling(@TempDir Path tmp) throws IOException {
    // the plain-digits fast path, and Long.parseLong for '+', spaces, leading zeros and 19 digits;
    // the last line has no '\n' and the fourth is not ASCII
    Path program = Files.writeString(tmp.resolve("copy.calm"), COPY);
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve("item.facts"),
        "+7\ta\n 8 \tb\r\n-0009\tc\n1000000000000000000\té\n-123456789012345678\td\n-0\te", StandardCharsets.UTF_8);
    Path out = tmp.resolve("out");
    Cli r = Cli.run("run", program.toString(), "--facts", in.toString(), "--output-dir", out.toString());
    assertEquals(0, r.status(), r.err());
    assertEquals("-123456789012345678\td\n-9\tc\n0\te\n7\ta\n8\tb\n1000000000000000000\té\n",
        Files.readString(out.resolve("out_item.csv"), StandardCharsets.UTF_8));
    Files.writeString(in.resolve("item.facts"), "1\tone\n-\ttwo\n");
    r = Cli.run("run", program.toString(), "--facts", in.toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("item.facts:2:") && r.err().contains("int"), r.err());
  }

  @Test
  void aMalformedLineIsReportedWithFileAndLine(@TempDir Path tmp) throws IOException {
    Path program = Files.writeString(tmp.resolve("copy.calm"), COPY);
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve("item.facts"), "1\tone\ntwo\t2\n");
    Cli r = Cli.run("run", program.toString(), "--facts", in.toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("item.facts:2:") && r.err().contains("int"), r.err());
    Files.writeString(in.resolve("item.facts"), "1\tone\textra\n");
    r = Cli.run("run", program.toString(), "--facts", in.toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("item.facts:1:") && r.err().contains("2 columns"), r.err());
  }

  @Test
  void unreadableInputsExitWithTwo(@TempDir Path tmp) throws IOException {
    Path program = Files.writeString(tmp.resolve("copy.calm"), COPY);
    assertEquals(2, Cli.run("run", tmp.resolve("missing.calm").toString()).status());
    Cli r = Cli.run("run", program.toString(), "--facts", tmp.resolve("nope").toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("nope"), r.err());
    assertEquals(2, Cli.run("run", program.toString(), "--format", "xml").status());
    assertEquals(2, Cli.run("run", program.toString(), "--scenario", tmp.resolve("none.scenario").toString()).status());
  }

  @Test
  void jsonAndTableFormats(@TempDir Path tmp) throws IOException {
    Path program = Files.writeString(tmp.resolve("p.calm"), """
        table t(x: int, s: string).
        output table o(x: int, s: string).
        t(1, "a"). t(-20, "bb").
        o(X, S) :- t(X, S).
        """);
    Cli json = Cli.run("run", program.toString(), "--format", "json");
    assertEquals(0, json.status());
    var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
    assertEquals("o", tree.get("outputs").get(0).get("relation").asText());
    assertEquals(-20, tree.get("outputs").get(0).get("facts").get(0).get(0).asInt());
    assertEquals("bb", tree.get("outputs").get(0).get("facts").get(0).get(1).asText());
    Cli table = Cli.run("run", program.toString());
    assertEquals("o (2 facts)\n    x  s\n  ---  ----\n  -20  \"bb\"\n    1  \"a\"\n\n", table.out());
  }
}
