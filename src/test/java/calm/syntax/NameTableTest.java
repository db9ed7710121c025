package calm.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import calm.syntax.antlr.CalmLexer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

/** Names found by their tokens' characters: one String per name, whatever the table's size. */
class NameTableTest {
  private static List<Token> tokens(String text) {
    CalmLexer lexer = new CalmLexer(CharStreams.fromString(text));
    List<Token> tokens = new ArrayList<>();
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      tokens.add(t);
    }
    return tokens;
  }

  @Test
  void aNameMetAgainIsTheSameStringAndOthersAreTheirOwn() {
    String text = "edge path edge Path path_2 edge";
    NameTable table = new NameTable(text, new HashMap<>());
    List<String> names = tokens(text).stream().map(table::of).toList();
    assertEquals(List.of("edge", "path", "edge", "Path", "path_2", "edge"), names);
    assertSame(names.get(0), names.get(2));
    assertSame(names.get(0), names.get(5));
    assertNotSame(names.get(1), names.get(3));
  }

  @Test
  void theSharedMapDecidesWhichStringIsTheName() {
    Map<String, String> shared = new HashMap<>();
    String other = new String("edge");
    shared.put(other, other);
    String text = "edge";
    assertSame(other, new NameTable(text, shared).of(tokens(text).get(0)));
  }

  @Test
  void thousandsOfNamesSurviveTheTableGrowing() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      text.append("r").append(i).append(' ');
    }
    Map<String, String> shared = new HashMap<>();
    NameTable table = new NameTable(text.toString(), shared);
    List<Token> tokens = tokens(text.toString());
    List<String> first = tokens.stream().map(table::of).toList();
    List<String> again = tokens.stream().map(table::of).toList();
    for (int i = 0; i < 5_000; i++) {
      assertEquals("r" + i, first.get(i));
      assertSame(first.get(i), again.get(i));
    }
    assertEquals(5_000, shared.size());
  }

  @Test
  void aProgramWithCharactersBeyondTheBasicPlaneKeepsItsNames() {
    // ANTLR counts the emoji as one code point where the String has two chars: the parse reads the
    // names from the tokens instead, and they must come out right after it
    String program = "table t(x: string).\nt(\"\uD83D\uDE00\").\noutput table u(x: string).\nu(X) :- t(X).\n";
    Program parsed = Parsing.parse(new SourceFile("emoji.calm", program)).program().orElseThrow();
    Rule rule = parsed.rules().get(0);
    assertEquals("u", rule.head().atom().relation().text());
    assertEquals("t", ((PositiveLiteral) rule.body().get(0)).atom().relation().text());
    assertEquals("X", ((Variable) rule.head().atom().arguments().get(0)).name());
  }
}
