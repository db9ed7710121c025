package calm.analysis;

import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.diagnostics.Severity;
import calm.syntax.SourceFile;
import calm.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline suppressions, after ESLint's {@code // eslint-disable-line rule -- reason}:
 *
 * <pre>
 * table audit(x: int).   // calm-ignore W102: read by the ops dashboard, outside the program
 * // calm-ignore W101, W102: filled and read by the deployment's extern loader
 * table staging(x: int).
 * </pre>
 *
 * A comment after code applies to findings that start on its line; a comment alone on its line applies
 * to the next line that holds code. The reason after ':' is mandatory. Only warnings can be suppressed
 * (a coordination point is acknowledged with {@code @coordinated("why")}, errors are fixed). A
 * suppression without a reason, or naming a code that is not a warning, is E007 and suppresses
 * nothing; one that suppresses nothing is W203. Suppressed findings are not dropped: they are returned
 * with their reason, for JSON and SARIF.
 */
public final class Suppressions {
  public static final String MARKER = "calm-ignore";

  private static final Pattern COMMENT = Pattern.compile("//\\s*" + MARKER + "\\b(.*)$");
  private static final Pattern FORM =
      Pattern.compile("\\s*([A-Za-z][A-Za-z0-9-]*(?:\\s*,\\s*[A-Za-z][A-Za-z0-9-]*)*)\\s*(?::(.*))?");

  /** A finding set aside by a suppression, and the suppression's reason. */
  public record Suppressed(Diagnostic diagnostic, String reason) {}

  /** The diagnostics that remain (with any about the suppressions themselves), and those set aside. */
  public record Outcome(List<Diagnostic> remaining, List<Suppressed> suppressed) {}

  private record Suppression(int commentLine, int column, int appliesTo, List<Code> codes, String reason) {}

  private Suppressions() {}

  /** Whether the file has any suppression comment at all: most have none, and are left as they are. */
  public static boolean mentioned(SourceFile source) {
    return source.text().contains(MARKER);
  }

  public static Outcome apply(SourceFile source, List<Diagnostic> diagnostics) {
    List<Diagnostic> remaining = new ArrayList<>();
    List<Suppression> suppressions = new ArrayList<>();
    read(source, suppressions, remaining);
    boolean[] used = new boolean[suppressions.size()];
    List<Suppressed> suppressed = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      Optional<Integer> by = d.severity() == Severity.WARNING ? match(suppressions, d) : Optional.empty();
      if (by.isPresent()) {
        used[by.get()] = true;
        suppressed.add(new Suppressed(d, suppressions.get(by.get()).reason()));
      } else {
        remaining.add(d);
      }
    }
    for (int i = 0; i < suppressions.size(); i++) {
      Suppression s = suppressions.get(i);
      if (!used[i]) {
        String codes = String.join(", ", s.codes().stream().map(Code::id).toList());
        remaining.add(
            Diagnostic.of(
                    Code.UNUSED_SUPPRESSION,
                    Span.of(s.commentLine(), s.column(), s.commentLine(), s.column() + 2),
                    "this " + MARKER + " suppresses nothing: no " + codes + " is reported on line " + s.appliesTo())
                .withHelp("remove the comment, or move it onto (or just above) the line the finding is reported on"));
      }
    }
    remaining.sort(ReportDiagnostics.ORDER);
    return new Outcome(remaining, suppressed);
  }

  private static Optional<Integer> match(List<Suppression> suppressions, Diagnostic d) {
    for (int i = 0; i < suppressions.size(); i++) {
      Suppression s = suppressions.get(i);
      if (s.appliesTo() == d.span().line() && s.codes().contains(d.code())) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  private static void read(SourceFile source, List<Suppression> into, List<Diagnostic> problems) {
    int lines = source.lineCount();
    for (int line = 1; line <= lines; line++) {
      String text = source.line(line);
      int at = text.indexOf("//");
      if (at < 0 || !text.contains(MARKER)) {
        continue;
      }
      Matcher comment = COMMENT.matcher(text);
      if (!comment.find()) {
        continue;
      }
      int column = comment.start() + 1;
      Span span = Span.of(line, column, line, text.length() + 1);
      boolean alone = text.substring(0, comment.start()).isBlank();
      int appliesTo = alone ? nextCodeLine(source, line) : line;
      Matcher form = FORM.matcher(comment.group(1));
      if (!form.matches()) {
        problems.add(malformed(span, "a " + MARKER + " comment names the codes it suppresses, then a reason"));
        continue;
      }
      List<Code> codes = new ArrayList<>();
      boolean ok = true;
      for (String name : form.group(1).split("\\s*,\\s*")) {
        Optional<Code> code = Code.lookup(name.strip());
        if (code.isEmpty()) {
          problems.add(malformed(span, "unknown diagnostic code '" + name.strip() + "' in " + MARKER));
          ok = false;
        } else if (code.get().severity() != Severity.WARNING) {
          problems.add(
              Diagnostic.of(Code.MALFORMED_SUPPRESSION, span, code.get().id() + " cannot be suppressed: only warnings can")
                  .withHelp(code.get() == Code.COORDINATION_POINT
                      ? "acknowledge a coordination point with @coordinated(\"why\") before the rule"
                      : "an error makes the program invalid: fix it"));
          ok = false;
        } else {
          codes.add(code.get());
        }
      }
      String reason = form.group(2) == null ? "" : form.group(2).strip();
      if (reason.isEmpty()) {
        problems.add(malformed(span, "a " + MARKER + " needs a reason after ':'"));
        ok = false;
      }
      if (ok) {
        into.add(new Suppression(line, column, appliesTo, List.copyOf(codes), reason));
      }
    }
  }

  private static Diagnostic malformed(Span span, String message) {
    return Diagnostic.of(Code.MALFORMED_SUPPRESSION, span, message)
        .withHelp("write `// " + MARKER + " W101: why this finding is expected here`");
  }

  /** The first line after {@code line} that holds something other than blanks and a line comment. */
  private static int nextCodeLine(SourceFile source, int line) {
    for (int next = line + 1; next <= source.lineCount(); next++) {
      String text = source.line(next).strip();
      if (!text.isEmpty() && !text.startsWith("//")) {
        return next;
      }
    }
    return line + 1;
  }
}
