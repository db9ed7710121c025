package calm.cli;

import calm.analysis.FileReport;
import calm.diagnostics.Diagnostic;
import calm.diagnostics.Severity;
import calm.syntax.SourceFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings a project has accepted for now, so that {@code calm check --baseline FILE} fails only on
 * new ones: a JSON file of {@code {path, code, fingerprint}} entries, with the line and message for
 * people reading it. A finding matches an entry of the same path and {@link Fingerprint}, each entry
 * at most once, so that it survives lines moving above it; a second copy of a finding is new.
 */
final class Baseline {
  static final int FORMAT = 1;

  private final Path file;
  /** path -> fingerprint -> how many findings the baseline holds. */
  private final Map<String, Map<String, Integer>> counts;

  private Baseline(Path file, Map<String, Map<String, Integer>> counts) {
    this.file = file;
    this.counts = counts;
  }

  /** Reads a baseline; the message of the exception says what is wrong with the file. */
  static Baseline read(Path file) throws IOException {
    JsonNode root;
    try {
      root = JsonTrees.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException("not a calm baseline (not JSON): " + e.getOriginalMessage());
    }
    if (root == null || !root.path("findings").isArray() || root.path("calmBaseline").asInt(0) != FORMAT) {
      throw new IOException("not a calm baseline (write one with --write-baseline)");
    }
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    for (JsonNode finding : root.get("findings")) {
      counts.computeIfAbsent(finding.path("path").asText(), p -> new HashMap<>())
          .merge(finding.path("fingerprint").asText(), 1, Integer::sum);
    }
    return new Baseline(file, counts);
  }

  /** Every finding that is not a note, as a baseline document. */
  static String write(List<FileReport> reports) throws IOException {
    ObjectNode root = JsonTrees.MAPPER.createObjectNode();
    root.put("calmBaseline", FORMAT);
    root.put("tool", "calm " + CheckCommand.version());
    ArrayNode findings = root.putArray("findings");
    for (FileReport report : reports) {
      for (Diagnostic d : report.diagnostics()) {
        if (d.severity() == Severity.NOTE) {
          continue;
        }
        ObjectNode finding = findings.addObject();
        finding.put("path", report.source().displayPath());
        finding.put("code", d.code().id());
        finding.put("fingerprint", Fingerprint.of(report.source(), d));
        finding.put("line", d.span().line());
        finding.put("message", d.message());
      }
    }
    return JsonTrees.MAPPER.writeValueAsString(root) + "\n";
  }

  Matcher matcher() {
    Map<String, Map<String, Integer>> left = new HashMap<>();
    counts.forEach((path, byPrint) -> left.put(path, new HashMap<>(byPrint)));
    return new Matcher(left, SourceLoader.display(file));
  }

  /** Consumes baseline entries as findings match them. */
  static final class Matcher {
    private final Map<String, Map<String, Integer>> left;
    private final String display;

    private Matcher(Map<String, Map<String, Integer>> left, String display) {
      this.left = left;
      this.display = display;
    }

    boolean consume(SourceFile source, Diagnostic d) {
      Map<String, Integer> byPrint = left.get(source.displayPath());
      if (byPrint == null) {
        return false;
      }
      String print = Fingerprint.of(source, d);
      Integer n = byPrint.get(print);
      if (n == null || n == 0) {
        return false;
      }
      byPrint.put(print, n - 1);
      return true;
    }

    String display() {
      return display;
    }
  }
}
