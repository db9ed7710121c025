package calm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The fingerprint's text is what the regular expressions it was first written with made of it. */
class FingerprintTest {
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  /** Every kind of character the matchers tell apart, and some that only look alike (Unicode spaces and digits). */
  private static final String ALPHABET = " \t\n\u000b\f\r\u00a0\u2003\u0085\u001c0123456789\u0660\uff10ab_→(),.";

  @Test
  void theMatchersAgreeWithTheExpressions() {
    Random random = new Random(19);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(12);
      for (int i = 0; i < length; i++) {
        text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      String s = text.toString();
      assertEquals(SPACES.matcher(s).replaceAll(" "), Fingerprint.collapsingSpaces(s), s);
      assertEquals(DIGITS.matcher(s).replaceAll("#"), Fingerprint.hidingNumbers(s), s);
    }
  }
}
