package calm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.eval.FactsEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 20, items 1, 10, 12, 13, 14: what calm run reads and writes besides the program. */
class RunFilesTest {
  private static final String COPY = "table t(x: string).\noutput table o(x: string).\no(X) :- t(X).\n";

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void nodeNamesNeverEscapeTheOutputDirectory() throws IOException {
    Path program = write("p.calm", "table t(x: int).\noutput table o(x: int).\nt(1).\no(X) :- t(X).\n");
    Path out = Files.createDirectories(dir.resolve("work/a/b/out"));
    for (String bad : List.of("../../escaped", dir.resolve("abs").toString(), "..", ".", "a/b", ".hidden")) {
      Path scenario = write("s.scenario", "# nodes\nnode ok\nnode " + bad + "\n");
      Cli cli = Cli.run("run", program.toString(), "--scenario", scenario.toString(), "--output-dir", out.toString());
      assertEquals(2, cli.status(), bad + "\n" + cli);
      assertTrue(cli.err().contains("s.scenario:3: node '" + bad + "' cannot name a directory"), cli.toString());
    }
    try (Stream<Path> all = Files.walk(dir)) {
      assertEquals(List.of(), all.filter(p -> p.toString().contains("escaped") || p.endsWith("abs")).toList());
    }
    assertEquals(0, Files.list(out).count(), "nothing written");
    Path fine = write("fine.scenario", "node server 10.0.0.1:8080 client-1\n");
    Cli cli = Cli.run("run", program.toString(), "--scenario", fine.toString(), "--output-dir", out.toString());
    assertEquals(0, cli.status(), cli.toString());
    assertEquals("1\n", Files.readString(out.resolve("10.0.0.1:8080/o.csv")));
  }

  @Test
  void tabsLineBreaksAndBackslashesRoundTripThroughFacts() throws IOException {
    Path program = write("copy.calm", COPY);
    Random random = new Random(42);
    String alphabet = "ab\t\n\r\\tnru0\u001b\u009b\u00e9\u2192 \"";
    for (int round = 0; round < 30; round++) {
      StringBuilder facts = new StringBuilder();
      java.util.TreeSet<String> values = new java.util.TreeSet<>();
      for (int i = 0; i < 20; i++) {
        StringBuilder value = new StringBuilder();
        int length = random.nextInt(8);
        for (int c = 0; c < length; c++) {
          value.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        values.add(value.toString());
        assertEquals(value.toString(), FactsEscapes.unescape(FactsEscapes.escape(value.toString())));
      }
      values.forEach(v -> facts.append(FactsEscapes.escape(v)).append('\n'));
      Path in = write("in" + round + "/t.facts", facts.toString());
      Path out = dir.resolve("out" + round);
      Cli cli = Cli.run("run", program.toString(), "--facts", in.getParent().toString(), "--output-dir",
          out.toString(), "--format", "json");
      assertEquals(0, cli.status(), cli.toString());
      List<String> read = new java.util.ArrayList<>();
      new ObjectMapper().readTree(cli.out()).get("outputs").get(0).get("facts").forEach(f -> read.add(f.get(0).asText()));
      assertEquals(List.copyOf(values), read.stream().sorted().toList(), "what was read");
      // written back: one line a fact, and reading it again gives the same facts
      String written = Files.readString(out.resolve("o.csv"));
      assertEquals(values.size(), written.lines().count(), written);
      Files.writeString(in, written);
      Cli again = Cli.run("run", program.toString(), "--facts", in.getParent().toString(), "--format", "json");
      assertEquals(cli.out(), again.out());
    }
    // a Soufflé file without escapes reads as Soufflé reads it, a lone backslash included
    assertEquals("C:\\dir\\sub", FactsEscapes.unescape("C:\\dir\\sub"));
    assertEquals("C:\\dir\\sub", FactsEscapes.escape("C:\\dir\\sub"));
    assertEquals("a\\\\tb", FactsEscapes.escape("a\\tb"));
    assertEquals("a\\tb", FactsEscapes.escape("a\tb"));
  }

  @Test
  void factsEntriesThatAreNotFilesAreErrorsNamingTheFile() throws IOException {
    Path program = write("copy.calm", COPY);
    Path facts = Files.createDirectories(dir.resolve("facts"));
    Path entry = facts.resolve("t.facts");
    Files.createDirectory(entry);
    Cli cli = Cli.run("run", program.toString(), "--facts", facts.toString());
    assertEquals(2, cli.status(), cli.toString());
    assertTrue(cli.err().contains("t.facts: is a directory"), cli.toString());
    Files.delete(entry);
    Files.createSymbolicLink(entry, facts.resolve("nowhere"));
    cli = Cli.run("run", program.toString(), "--facts", facts.toString());
    assertEquals(2, cli.status(), cli.toString());
    assertTrue(cli.err().contains("t.facts: broken symbolic link"), cli.toString());
    Files.delete(entry);
    Files.createSymbolicLink(entry, entry);
    cli = Cli.run("run", program.toString(), "--facts", facts.toString());
    assertEquals(2, cli.status(), cli.toString());
    assertTrue(cli.err().contains("t.facts: symbolic link loop"), cli.toString());
    Files.delete(entry);
    Files.write(entry, "ok\nfine\nbad \u00e9 here\n".replace("\u00e9", "\u0000").getBytes(StandardCharsets.UTF_8));
    byte[] latin1 = "ok\nfine\ncaf\u00e9 here\n".getBytes(StandardCharsets.ISO_8859_1);
    Files.write(entry, latin1);
    cli = Cli.run("run", program.toString(), "--facts", facts.toString());
    assertEquals(2, cli.status(), cli.toString());
    assertTrue(cli.err().contains("t.facts:3: not UTF-8 text: byte 0xE9 at byte 4 of the line"), cli.toString());
  }

  @Test
  void theTraceStaysOutOfCsvAndJson() throws Exception {
    Path program = write("p.calm", "table t(x: int).\noutput table o(x: int).\nt(1).\no(X) :- t(X).\n");
    Cli json = Cli.run("run", program.toString(), "--trace", "--format", "json");
    assertEquals(0, json.status(), json.toString());
    new ObjectMapper().readTree(json.out());
    assertTrue(json.err().contains("── tick 1 ──") && json.err().contains("quiescent after 1 tick"), json.toString());
    Cli csv = Cli.run("run", program.toString(), "--trace", "--format", "csv");
    assertEquals("o\t1\n", csv.out());
    Cli table = Cli.run("run", program.toString(), "--trace");
    assertTrue(table.out().contains("── tick 1 ──"), "a table is for people, the trace too");
  }

  @Test
  void scenarioReadErrorsNameTheFileAndTheProblem() throws IOException {
    Path program = write("p.calm", "table t(x: int).\noutput table o(x: int).\nt(1).\no(X) :- t(X).\n");
    Path directory = Files.createDirectories(dir.resolve("s.scenario"));
    Path latin1 = dir.resolve("latin1.scenario");
    Files.write(latin1, "node a\n# nodes\nnode caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    String[][] cases = {
      {directory.toString(), "s.scenario: is a directory"},
      {latin1.toString(), "latin1.scenario:3:9: the file is not UTF-8 text"},
      {"/dev/zero", "/dev/zero:1:1: this is a binary file"},
    };
    for (String command : List.of("run", "explore")) {
      for (String[] c : cases) {
        Cli cli = Cli.run(command, program.toString(), "--scenario", c[0]);
        assertEquals(2, cli.status(), cli.toString());
        assertTrue(cli.err().contains(c[1]), cli.toString());
        assertFalse(cli.err().contains("cannot read Is a directory") || cli.err().contains("Input length"),
            cli.toString());
      }
    }
  }
}
