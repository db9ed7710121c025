package calm.cli.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A DOT string: in double quotes, with its backslashes and double quotes escaped. */
class DotQuoteTest {
  @Test
  void escapesBackslashesAndQuotesWhereverTheyStand() {
    assertEquals("\"\"", DotGraph.quote(""));
    assertEquals("\"orders\"", DotGraph.quote("orders"));
    assertEquals("\"\\\"\"", DotGraph.quote("\""));
    assertEquals("\"\\\\\"", DotGraph.quote("\\"));
    assertEquals("\"a\\\"b\\\\c\\\"\"", DotGraph.quote("a\"b\\c\""));
    assertEquals("\"\\\"\\\"x\\\\\\\\\"", DotGraph.quote("\"\"x\\\\"));
    assertEquals("\"my file → 1.calm\"", DotGraph.quote("my file → 1.calm"));
  }
}
