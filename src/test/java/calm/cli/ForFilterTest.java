package calm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A text made ready for the filter by {@link SafeText#forFilter} comes out as its full escape would. */
class ForFilterTest {
  private static final List<String> TEXTS = List.of(
      "plain\n",
      "digraph { \"r1\" -> \"r2\" [label=\"\u2192\"]; }\n",
      "controls \u0007\u001b[2J\u007f\u0085\u009b and bidi \u202e\u2066\n",
      "a stand-in " + SafeText.ESC + "[1m alone, and in a pair \ud83d" + SafeText.ESC + ", and at the start",
      SafeText.ESC + " first",
      "pairs \ud83d\ude00, halves \ud83d and \ude00 alone",
      "");

  @Test
  void theBytesAreThoseOfTheEscape() throws IOException {
    for (String text : TEXTS) {
      assertArrayEquals(filtered(SafeText.escape(text)), filtered(SafeText.forFilter(text)), text);
    }
  }

  private static byte[] filtered(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer out = SafeText.printer(SafeText.writer(new Utf8Writer(bytes)))) {
      out.write(text);
    }
    return bytes.toByteArray();
  }
}
