package calm.cli;

import calm.analysis.FileReport;
import calm.diagnostics.Diagnostic;
import calm.diagnostics.Severity;
import calm.syntax.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

  /**
   * Reads a baseline; the message of the exception says what is wrong with the file. Read as the
   * mapper's tree read it before: {@code calmBaseline} as {@code asInt}, each finding's path and
   * fingerprint as {@code asText} ({@link #asInt}, {@link #asText}).
   */
  static Baseline read(Path file) throws IOException {
    Object root;
    try {
      root = JsonValues.read(Files.readString(file, StandardCharsets.UTF_8));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException("not a calm baseline (not JSON): " + e.getOriginalMessage());
    }
    if (!(root instanceof Map<?, ?> document) || !(document.get("findings") instanceof List<?> findings)
        || asInt(document.get("calmBaseline")) != FORMAT) {
      throw new IOException("not a calm baseline (write one with --write-baseline)");
    }
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    for (Object finding : findings) {
      Map<?, ?> fields = finding instanceof Map<?, ?> map ? map : Map.of();
      counts.computeIfAbsent(asText(fields, "path"), p -> new HashMap<>())
          .merge(asText(fields, "fingerprint"), 1, Integer::sum);
    }
    return new Baseline(file, counts);
  }

  /** Jackson's {@code asInt(0)}: a number's int part, a string's int (or 0), a boolean's 1 or 0, else 0. */
  private static int asInt(Object value) {
    if (value instanceof Number number) {
      return number.intValue();
    } else if (value instanceof Boolean truth) {
      return truth ? 1 : 0;
    } else if (value instanceof String text) {
      try {
        return Integer.parseInt(text.trim());
      } catch (NumberFormatException notAnInt) {
        try {
          return (int) Double.parseDouble(text.trim());
        } catch (NumberFormatException notANumber) {
          return 0;
        }
      }
    }
    return 0;
  }

  /** Jackson's {@code path(name).asText()}: a string itself, a scalar's text, "null" for null, else "". */
  private static String asText(Map<?, ?> fields, String name) {
    if (!fields.containsKey(name)) {
      return "";
    }
    Object value = fields.get(name);
    if (value == null) {
      return "null";
    }
    return value instanceof Map || value instanceof List ? "" : value.toString();
  }

  /** Every finding that is not a note, as a baseline document. */
  static String write(List<FileReport> reports) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("calmBaseline", FORMAT);
    root.put("tool", "calm " + CheckCommand.version());
    List<Object> findings = new ArrayList<>();
    root.put("findings", findings);
    for (FileReport report : reports) {
      for (Diagnostic d : report.diagnostics()) {
        if (d.severity() == Severity.NOTE) {
          continue;
        }
        Map<String, Object> finding = new LinkedHashMap<>();
        finding.put("path", report.source().displayPath());
        finding.put("code", d.code().id());
        finding.put("fingerprint", Fingerprint.of(report.source(), d));
        finding.put("line", d.span().line());
        finding.put("message", d.message());
        findings.add(finding);
      }
    }
    return JsonValues.write(root) + "\n";
  }

  /** path -> fingerprint -> how many findings the baseline holds (for tests). */
  Map<String, Map<String, Integer>> counts() {
    return counts;
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
