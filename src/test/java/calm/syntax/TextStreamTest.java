package calm.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.misc.Interval;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A stream over part of a text reads the code points ANTLR's own stream of that part reads. */
class TextStreamTest {
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 16383, 16384, 16385, 40000})
  void readsThePartAsAntlrDoes(int from) {
    StringBuilder text = new StringBuilder();
    while (text.length() < 70000) {
      // a surrogate pair at every length, so that one straddles each chunk boundary
      text.append("r(X) :- e(X, \"é\uD83D\uDE00\"). ").append(text.length() % 7 == 0 ? "\uD83D\uDE00" : "ascii");
    }
    String all = text.toString();
    int to = all.length() - 3;
    CharStream ours = TextStream.of(all, from, to, "t.calm");
    CharStream antlr = CharStreams.fromString(all.substring(from, to), "t.calm");
    assertEquals(antlr.size(), ours.size());
    assertEquals(antlr.getText(Interval.of(0, antlr.size() - 1)), ours.getText(Interval.of(0, ours.size() - 1)));
    for (int i = 1; i <= antlr.size(); i += 997) {
      antlr.seek(i - 1);
      ours.seek(i - 1);
      assertEquals(antlr.LA(1), ours.LA(1), "code point " + i);
    }
    assertEquals("t.calm", ours.getSourceName());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "table t(x: int).", "é"})
  void readsShortTexts(String text) {
    CharStream ours = TextStream.of(text, 0, text.length(), "t.calm");
    assertEquals(text.length(), ours.size());
  }
}
