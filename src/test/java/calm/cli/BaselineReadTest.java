package calm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A baseline is read with jackson-core's parser ({@link JsonValues#read}), not the mapper's tree: every
 * document here, well-formed or not, must give what the tree reading gave (kept below as the oracle):
 * the same counts, or the same refusal with the same message.
 */
class BaselineReadTest {
  @TempDir Path dir;

  private static final List<String> DOCUMENTS = List.of(
      "",
      "   ",
      "{",
      "nul",
      "null",
      "[]",
      "7",
      "{\"a\": [1, 2}",
      "{\"calmBaseline\": 2, \"findings\": []}",
      "{\"calmBaseline\": 1}",
      "{\"calmBaseline\": 1, \"findings\": {}}",
      "{\"calmBaseline\": \"1\", \"findings\": []}",
      "{\"calmBaseline\": \" 1 \", \"findings\": []}",
      "{\"calmBaseline\": \"1.0\", \"findings\": []}",
      "{\"calmBaseline\": \"one\", \"findings\": []}",
      "{\"calmBaseline\": true, \"findings\": []}",
      "{\"calmBaseline\": 1.9, \"findings\": []}",
      "{\"calmBaseline\": 1.9, \"findings\": [], \"findings\": {}}",
      "{\"calmBaseline\": 1, \"findings\": {}, \"findings\": [{\"path\": \"a\", \"fingerprint\": \"f\"}]}",
      "{\"calmBaseline\": 1, \"findings\": []} trailing",
      "{\"calmBaseline\": 1, \"findings\": [{\"path\": 5, \"fingerprint\": null}, 7, [], {}]}",
      "{\"calmBaseline\": 1, \"findings\": [{\"path\": 1.5, \"fingerprint\": true}, {\"path\": {}, \"fingerprint\": []}]}",
      "{\"calmBaseline\": 1, \"findings\": [{\"path\": \"a.calm\", \"fingerprint\": \"x\"},"
          + " {\"path\": \"a.calm\", \"fingerprint\": \"x\"}, {\"path\": \"b.calm\", \"fingerprint\": \"y\", \"line\": 3}]}",
      "{\"calmBaseline\": 1, \"findings\": [{\"path\": \"é→\\u00e9\", \"fingerprint\": \"\\\"q\\\"\"}]}");

  @Test
  void everyDocumentIsReadAsTheMappersTreeReadIt() throws IOException {
    int i = 0;
    for (String document : DOCUMENTS) {
      Path file = dir.resolve("b" + i++ + ".json");
      Files.writeString(file, document);
      assertEquals(oracle(file), outcome(file), document);
    }
  }

  @Test
  void aWrittenBaselineIsReadBack() throws IOException {
    Path program = dir.resolve("p.calm");
    Files.writeString(program, "table a(x: int).\ntable b(x: int).\noutput table o(x: int).\na(1).\no(X) :- a(X).\n");
    Path file = dir.resolve("baseline.json");
    assertEquals(0, Cli.run("check", "--write-baseline", file.toString(), program.toString()).status());
    String outcome = outcome(file);
    assertEquals(oracle(file), outcome);
    assertEquals(2, Baseline.read(file).counts().get(program.toString()).values().stream().mapToInt(n -> n).sum(), outcome);
  }

  private static String outcome(Path file) {
    try {
      return "read " + Baseline.read(file).counts();
    } catch (IOException e) {
      return "refused: " + e.getMessage();
    }
  }

  /** The tree reading that {@link Baseline#read} replaced, word for word. */
  private static String oracle(Path file) throws IOException {
    JsonNode root;
    try {
      root = JsonTrees.MAPPER.readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      return "refused: not a calm baseline (not JSON): " + e.getOriginalMessage();
    }
    if (root == null || !root.path("findings").isArray() || root.path("calmBaseline").asInt(0) != Baseline.FORMAT) {
      return "refused: not a calm baseline (write one with --write-baseline)";
    }
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    for (JsonNode finding : root.get("findings")) {
      counts.computeIfAbsent(finding.path("path").asText(), p -> new HashMap<>())
          .merge(finding.path("fingerprint").asText(), 1, Integer::sum);
    }
    return "read " + counts;
  }
}
