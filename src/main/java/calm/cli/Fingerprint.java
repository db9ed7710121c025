package calm.cli;

import calm.diagnostics.Diagnostic;
import calm.syntax.SourceFile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A finding's identity that survives edits elsewhere in the file: its code, the text of the lines it
 * is reported on (whitespace collapsed) and its message with the numbers taken out (line numbers in
 * messages move with the file; the relation names stay). Used by the baseline and emitted as SARIF
 * {@code partialFingerprints}.
 */
final class Fingerprint {
  /** The key of SARIF's {@code partialFingerprints}, versioned as the specification advises. */
  static final String SARIF_KEY = "calmFindingHash/v1";

  private static final int MOST_LINES = 20;

  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  private Fingerprint() {}

  /** A point reported without its C001 diagnostic: the rule's line and the relations on its path. */
  static String ofPoint(SourceFile source, calm.analysis.calm.CoordinationPoint point) {
    return of(source, Diagnostic.of(calm.diagnostics.Code.COORDINATION_POINT, point.at(), String.join(" ", point.path())));
  }

  static String of(SourceFile source, Diagnostic d) {
    StringBuilder text = new StringBuilder(d.code().id()).append('\n');
    int last = Math.min(d.span().endLine(), d.span().line() + MOST_LINES);
    for (int line = d.span().line(); line <= last; line++) {
      text.append(SPACES.matcher(source.line(line).strip()).replaceAll(" ")).append('\n');
    }
    text.append(DIGITS.matcher(d.message()).replaceAll("#"));
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
