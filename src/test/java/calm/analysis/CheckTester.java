package calm.analysis;

import calm.analysis.AnalysisAdapter.ConstraintResult;
import calm.analysis.AnalysisAdapter.Finding;
import calm.analysis.AnalysisAdapter.Result;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code calm check} on a {@code .calm} file whose comments say what it must report, in the spirit
 * of Error Prone's {@code CompilationTestHelper}, and fails unless the findings are exactly the expected
 * ones: a finding without a marker fails as much as a marker without a finding.
 *
 * <h2>Markers</h2>
 *
 * Markers live in {@code //} line comments (the language's line comment, §1). Each comment holds one
 * marker:
 *
 * <pre>
 * reply(R) :- req(R), not done(R).        // expect: C001 negation
 * // expect-next-line: E301 "`X`"
 * bad(X) :- req(R).
 * // expect: verdict reply needs-coordination
 * // expect: constraint "no overdraft" order-dependent
 * :- balance(A, B), B &lt; 0.               // expect: constraint schedule-independent
 * </pre>
 *
 * <ul>
 *   <li>{@code expect: CODE ...} after code on a line: a diagnostic with that code starts on that line.
 *       {@code expect-next-line: CODE ...} on a line of its own: on the next line that holds code
 *       (several may be stacked above one line). A diagnostic marker alone on its line without
 *       {@code -next-line} is a mistake in the marker file and fails.
 *   <li>After the code, optionally: for {@code C001} the point's kinds (one or more of {@code negation
 *       aggregation deletion race snapshot}, required, compared as a set) and its status ({@code sealed}
 *       or {@code acknowledged}; without one the point must be {@code unacknowledged}); for any code, a
 *       message substring in double quotes.
 *   <li>{@code expect: verdict REL VERDICT} (anywhere): output {@code REL} gets that verdict, spelled as
 *       in JSON ({@code confluent sealed coordinated needs-coordination}). Every output the analysis
 *       reports needs one.
 *   <li>{@code expect: constraint NAME VERDICT} (anywhere, {@code NAME} in quotes when it has spaces):
 *       the constraint annotated {@code @invariant("NAME")} gets that §12 verdict ({@code
 *       schedule-independent sealed coordinated order-dependent}). {@code expect: constraint VERDICT}
 *       after code (or {@code expect-next-line:} above it) names the constraint whose {@code :-} is on
 *       that line. Every constraint needs one.
 * </ul>
 *
 * The markers do not collide with suppressions ({@code // calm-ignore CODE: reason}), which the tester
 * applies as {@code calm check} does. The analysis is reached only through {@link AnalysisAdapter}.
 */
public final class CheckTester {
  private static final Pattern MARKER = Pattern.compile("^\\s*expect(-next-line)?\\s*:\\s*(.*?)\\s*$");
  private static final Pattern CODE = Pattern.compile("[A-Z]\\d{3}");
  private static final Pattern TOKEN = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S+)");

  private final String path;
  private final String text;

  private CheckTester(String path, String text) {
    this.path = path;
    this.text = text;
  }

  public static CheckTester of(String path, String text) {
    return new CheckTester(path, text);
  }

  /** A marker file on the test class path, e.g. {@code /markers/s08-negation-of-async.calm}. */
  public static CheckTester resource(String resource) {
    try (InputStream in = CheckTester.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new AssertionError("no marker file " + resource);
      }
      String name = resource.startsWith("/") ? resource.substring(1) : resource;
      return new CheckTester(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The marker file's text. */
  public String text() {
    return text;
  }

  /** An expected diagnostic; {@code kinds} and {@code status} only for C001. */
  record ExpectedFinding(int markerLine, int line, String code, Set<String> kinds, String status, String substring) {
    boolean matches(Finding f) {
      return f.line() == line
          && f.code().equals(code)
          && (kinds.isEmpty() || kinds.equals(f.kinds()))
          && (status.isEmpty() || status.equals(f.status()))
          && (substring.isEmpty() || f.message().contains(substring));
    }

    String describe(String path) {
      StringBuilder s = new StringBuilder(path + ":" + line + ": " + code);
      if (!kinds.isEmpty()) {
        s.append(" ").append(String.join(", ", kinds));
      }
      if (!status.isEmpty()) {
        s.append(" (").append(status).append(")");
      }
      if (!substring.isEmpty()) {
        s.append(" containing \"").append(substring).append("\"");
      }
      return s.append("   [marker on line ").append(markerLine).append("]").toString();
    }
  }

  /** A constraint marker: by name, or by the line of its {@code :-}. */
  record ExpectedConstraint(int markerLine, Optional<String> name, int line, String verdict) {
    boolean names(ConstraintResult c) {
      return name.isPresent() ? c.name().equals(name) : c.line() == line;
    }

    String who() {
      return name.map(n -> "\"" + n + "\"").orElse("at line " + line);
    }
  }

  /** What the markers of a file expect. */
  record Expectations(
      List<ExpectedFinding> findings, Map<String, String> verdicts, List<ExpectedConstraint> constraints) {
    int size() {
      return findings.size() + verdicts.size() + constraints.size();
    }
  }

  /** Reads the markers; a malformed marker is an {@link AssertionError} naming its line. */
  public Expectations expectations() {
    String[] lines = text.split("\n", -1);
    List<ExpectedFinding> findings = new ArrayList<>();
    Map<String, String> verdicts = new LinkedHashMap<>();
    List<ExpectedConstraint> constraints = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      int lineNumber = i + 1;
      int comment = lineCommentStart(lines[i]);
      if (comment < 0) {
        continue;
      }
      Matcher m = MARKER.matcher(lines[i].substring(comment + 2));
      if (!m.matches()) {
        continue;
      }
      boolean nextLine = m.group(1) != null;
      boolean alone = lines[i].substring(0, comment).isBlank();
      List<String> words = tokens(m.group(2));
      String where = path + ":" + lineNumber + ": ";
      if (words.isEmpty()) {
        throw new AssertionError(where + "an empty marker");
      }
      if (nextLine && !alone) {
        throw new AssertionError(where + "expect-next-line: must stand on a line of its own");
      }
      int target = nextLine ? nextCodeLine(lines, i) : lineNumber;
      String first = words.get(0);
      if (first.equals("verdict")) {
        if (words.size() != 3 || !AnalysisAdapter.outputVerdictLabels().contains(words.get(2))) {
          throw new AssertionError(
              where + "write `expect: verdict REL VERDICT` with VERDICT one of " + AnalysisAdapter.outputVerdictLabels());
        }
        if (verdicts.put(words.get(1), words.get(2)) != null) {
          throw new AssertionError(where + "a second verdict marker for " + words.get(1));
        }
      } else if (first.equals("constraint")) {
        String verdict = words.get(words.size() - 1);
        if (words.size() < 2 || words.size() > 3 || !AnalysisAdapter.constraintVerdictLabels().contains(verdict)) {
          throw new AssertionError(
              where + "write `expect: constraint [NAME] VERDICT` with VERDICT one of "
                  + AnalysisAdapter.constraintVerdictLabels());
        }
        if (words.size() == 3) {
          constraints.add(new ExpectedConstraint(lineNumber, Optional.of(words.get(1)), 0, verdict));
        } else {
          if (alone && !nextLine) {
            throw new AssertionError(
                where + "an unnamed constraint marker goes after the constraint's `:-` line, or use expect-next-line:");
          }
          constraints.add(new ExpectedConstraint(lineNumber, Optional.empty(), target, verdict));
        }
      } else if (CODE.matcher(first).matches()) {
        if (!AnalysisAdapter.isCode(first)) {
          throw new AssertionError(where + first + " is not a diagnostic code of the tool");
        }
        if (alone && !nextLine) {
          throw new AssertionError(
              where + "a diagnostic marker alone on its line: put it after the code, or write expect-next-line:");
        }
        findings.add(finding(where, lineNumber, target, first, words.subList(1, words.size()), m.group(2)));
      } else {
        throw new AssertionError(where + "unreadable marker `" + m.group(2) + "`: see CheckTester's javadoc");
      }
    }
    return new Expectations(findings, verdicts, constraints);
  }

  private static ExpectedFinding finding(
      String where, int markerLine, int target, String code, List<String> rest, String raw) {
    Set<String> kinds = new LinkedHashSet<>();
    String status = "";
    String substring = "";
    boolean quoted = raw.contains("\"");
    for (int i = 0; i < rest.size(); i++) {
      String word = rest.get(i);
      boolean last = i == rest.size() - 1;
      if (last && quoted) {
        substring = word;
      } else if (code.equals("C001") && AnalysisAdapter.pointKindLabels().contains(word.replace(",", ""))) {
        kinds.add(word.replace(",", ""));
      } else if (code.equals("C001") && AnalysisAdapter.pointStatusLabels().contains(word)) {
        status = word;
      } else {
        throw new AssertionError(
            where + "unexpected `" + word + "` in a " + code + " marker (a message substring goes in double quotes)");
      }
    }
    if (code.equals("C001")) {
      if (kinds.isEmpty()) {
        throw new AssertionError(where + "a C001 marker names the point's kinds, e.g. `C001 aggregation`");
      }
      if (status.isEmpty()) {
        status = "unacknowledged";
      }
    }
    return new ExpectedFinding(markerLine, target, code, kinds, status, substring);
  }

  /** Runs the checker and fails, listing every difference, unless it reports exactly what the markers say. */
  public void check() {
    Expectations expected = expectations();
    Result result = AnalysisAdapter.check(path, text);
    List<String> missing = new ArrayList<>();
    List<Finding> unexpected = new ArrayList<>(result.findings());
    for (ExpectedFinding e : expected.findings()) {
      Optional<Finding> hit = unexpected.stream().filter(e::matches).findFirst();
      if (hit.isPresent()) {
        unexpected.remove(hit.get());
      } else {
        missing.add(e.describe(path));
      }
    }
    List<String> problems = new ArrayList<>();
    missing.forEach(m -> problems.add("missing:    " + m));
    unexpected.forEach(f -> problems.add("unexpected: " + describe(f)));
    Map<String, String> verdicts = new LinkedHashMap<>(result.verdicts());
    expected.verdicts().forEach((relation, verdict) -> {
      String actual = verdicts.remove(relation);
      if (actual == null) {
        problems.add("verdict:    no output `" + relation + "` was judged (expected " + verdict + ")");
      } else if (!actual.equals(verdict)) {
        problems.add("verdict:    output `" + relation + "` is " + actual + ", expected " + verdict);
      }
    });
    verdicts.forEach((relation, verdict) ->
        problems.add("verdict:    output `" + relation + "` is " + verdict + " but has no `expect: verdict` marker"));
    List<ConstraintResult> constraints = new ArrayList<>(result.constraints());
    for (ExpectedConstraint e : expected.constraints()) {
      Optional<ConstraintResult> hit = constraints.stream().filter(e::names).findFirst();
      if (hit.isEmpty()) {
        problems.add("constraint: no constraint " + e.who() + " was judged (expected " + e.verdict() + ")");
      } else {
        constraints.remove(hit.get());
        if (!hit.get().verdict().equals(e.verdict())) {
          problems.add("constraint: " + e.who() + " is " + hit.get().verdict() + ", expected " + e.verdict());
        }
      }
    }
    constraints.forEach(c -> problems.add(
        "constraint: " + path + ":" + c.line() + " " + c.name().map(n -> "\"" + n + "\" ").orElse("")
            + "is " + c.verdict() + " but has no `expect: constraint` marker"));
    if (!problems.isEmpty()) {
      throw new AssertionError(
          path + ": the analysis does not report what the markers say\n  " + String.join("\n  ", problems)
              + "\nall findings:\n  "
              + String.join("\n  ", result.findings().stream().map(this::describe).toList()));
    }
  }

  private String describe(Finding f) {
    String point = f.kinds().isEmpty() ? "" : " " + String.join(", ", f.kinds()) + " (" + f.status() + ")";
    return path + ":" + f.line() + ":" + f.column() + ": " + f.code() + point + " " + f.severity() + ": " + f.message();
  }

  /** Where a {@code //} comment starts on the line, outside string literals; -1 when none. */
  static int lineCommentStart(String line) {
    boolean inString = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
        return i;
      }
    }
    return -1;
  }

  private static int nextCodeLine(String[] lines, int from) {
    for (int i = from + 1; i < lines.length; i++) {
      String trimmed = lines[i].strip();
      if (!trimmed.isEmpty() && !trimmed.startsWith("//")) {
        return i + 1;
      }
    }
    return lines.length;
  }

  private static List<String> tokens(String body) {
    List<String> words = new ArrayList<>();
    Matcher m = TOKEN.matcher(body);
    while (m.find()) {
      words.add(m.group(1) != null ? m.group(1).replace("\\\"", "\"").replace("\\\\", "\\") : m.group(2));
    }
    return words;
  }

  @Override
  public String toString() {
    return Objects.requireNonNull(path);
  }
}
