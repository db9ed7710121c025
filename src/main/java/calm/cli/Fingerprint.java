package calm.cli;

import calm.diagnostics.Diagnostic;
import calm.syntax.SourceFile;
import com.google.common.base.CharMatcher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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

  // Guava's matchers rather than the regular expressions \\s+ and [0-9]+ the fingerprint was first
  // made with: a regex matcher and its replacement per line and per message, for every finding, under
  // the C1 compiler that `check` runs on, showed in a large SARIF report's profile.
  private static final CharMatcher SPACES = CharMatcher.anyOf(" \t\n\u000b\f\r");
  private static final CharMatcher DIGITS = CharMatcher.inRange('0', '9');

  /**
   * A digest per thread, made once: the SARIF report takes a fingerprint of every result, on several
   * threads, and looking SHA-256 up among the security providers for each of the 54,000 results of a
   * large report showed in its profile.
   */
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  });

  private Fingerprint() {}

  /** A point reported without its C001 diagnostic: the rule's line and the relations on its path. */
  static String ofPoint(SourceFile source, calm.analysis.calm.CoordinationPoint point) {
    return of(source, Diagnostic.of(calm.diagnostics.Code.COORDINATION_POINT, point.at(), String.join(" ", point.path())));
  }

  static String of(SourceFile source, Diagnostic d) {
    StringBuilder text = new StringBuilder(d.code().id()).append('\n');
    int last = Math.min(d.span().endLine(), d.span().line() + MOST_LINES);
    for (int line = d.span().line(); line <= last; line++) {
      text.append(collapsingSpaces(source.line(line).strip())).append('\n');
    }
    text.append(hidingNumbers(d.message()));
    byte[] hash = SHA_256.get().digest(text.toString().getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(hash, 0, 16);
  }

  /** The text with each run of regex whitespace ({@code \\s}: space, tab, LF, VT, FF, CR) as one space. */
  static String collapsingSpaces(String text) {
    return SPACES.collapseFrom(text, ' ');
  }

  /** The text with each run of ASCII digits as {@code #}. */
  static String hidingNumbers(String text) {
    return DIGITS.collapseFrom(text, '#');
  }
}
