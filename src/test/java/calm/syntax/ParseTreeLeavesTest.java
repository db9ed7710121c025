package calm.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.syntax.antlr.CalmLexer;
import calm.syntax.antlr.CalmParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.antlr.v4.runtime.tree.TerminalNodeImpl;
import org.junit.jupiter.api.Test;

/**
 * The streaming parse's tree, whose leaves are the tokens themselves ({@link LeafToken}) and whose
 * child lists are sized by rule ({@code SizedContext}), is the tree ANTLR builds with its own tokens
 * and leaves: same shape, same tokens at the same places, same parents.
 */
class ParseTreeLeavesTest {
  /** Every construct of the grammar, so that every rule and labeled alternative is built. */
  private static final String EVERY_CONSTRUCT =
      """
      output table t(a: int, b: string).
      table k(@to: string, id: int => v: max<int>, w: min<string>).
      output extern table e(x: int).
      scratch s(x: int).
      input i(x: int, y: int).
      channel c(@to: string, x: int).
      table u( => x: int).
      t(1, "a\\"b").
      s(X) :- i(X, _), not t(X, "z"), X > -3, Y = (X + 2) * -X % 5 - 1, Y != X / 2.
      c("n", X)@async :- s(X).
      t(X, "q")@next :- s(X).
      delete t(X, Y) :- t(X, Y), i(X, _).
      k("n", X, max(Y), min(Z)) :- i(X, Y), t(Y, Z).
      @coordinated("two phase") u(count(X)) :- i(X, _).
      @invariant("no negative") :- t(X, _), X < 0.
      seal t(X, _) by s(X).
      """;

  @Test
  void leavesAreTheTokensInTheTreeAntlrBuilds() throws IOException {
    List<String> programs = new ArrayList<>(List.of(EVERY_CONSTRUCT));
    try (Stream<Path> files = Files.walk(Path.of("examples"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".calm")).sorted().toList()) {
        programs.add(Files.readString(file));
      }
    }
    assertTrue(programs.size() > 10, "the examples were not found");
    for (String program : programs) {
      List<ParseTree> plain = items(program, false);
      List<ParseTree> leaves = items(program, true);
      assertEquals(plain.size(), leaves.size());
      for (int i = 0; i < plain.size(); i++) {
        assertSameTree(plain.get(i), leaves.get(i));
      }
    }
  }

  @Test
  void aOneChildListGrowsAndShrinksLikeAnyOther() {
    CalmParser.HeadContext head = new CalmParser.HeadContext(null, 0);
    CalmParser.AtomContext atom = new CalmParser.AtomContext(head, 0);
    head.addAnyChild(atom);
    assertEquals(List.of(atom), head.children);
    TerminalNodeImpl at = new TerminalNodeImpl(new org.antlr.v4.runtime.CommonToken(CalmLexer.AT, "@"));
    TerminalNodeImpl next = new TerminalNodeImpl(new org.antlr.v4.runtime.CommonToken(CalmLexer.IDENT, "next"));
    head.addChild(at);
    head.addChild(next);
    assertEquals(List.of(atom, at, next), head.children);
    head.removeLastChild();
    assertEquals(List.of(atom, at), head.children);

    CalmParser.HeadContext single = new CalmParser.HeadContext(null, 0);
    single.addAnyChild(atom);
    single.removeLastChild();
    assertEquals(0, single.getChildCount());
    assertNull(single.getChild(0));
    single.addAnyChild(atom);
    assertSame(atom, single.getChild(0));
  }

  private static List<ParseTree> items(String program, boolean leafTokens) {
    CalmLexer lexer = new CalmLexer(CharStreams.fromString(program));
    CalmParser parser;
    CommonTokenStream tokens;
    if (leafTokens) {
      lexer.setTokenFactory(LeafToken.FACTORY);
      tokens = new CommonTokenStream(lexer);
      parser = LeafToken.parser(tokens);
    } else {
      tokens = new CommonTokenStream(lexer);
      parser = new CalmParser(tokens);
    }
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    List<ParseTree> items = new ArrayList<>();
    while (tokens.LA(1) != Token.EOF) {
      items.add(parser.item());
    }
    assertEquals(0, parser.getNumberOfSyntaxErrors(), program);
    return items;
  }

  private static void assertSameTree(ParseTree expected, ParseTree actual) {
    assertEquals(expected.getClass(), actual instanceof LeafToken ? TerminalNodeImpl.class : actual.getClass());
    assertEquals(expected.getText(), actual.getText());
    assertEquals(expected.getSourceInterval(), actual.getSourceInterval());
    assertEquals(expected.getChildCount(), actual.getChildCount());
    if (expected instanceof TerminalNode leaf) {
      assertTrue(actual instanceof LeafToken, "a leaf of the streaming parse is its token");
      Token want = leaf.getSymbol();
      Token got = ((TerminalNode) actual).getSymbol();
      assertSame(actual, got);
      assertEquals(
          List.of(want.getType(), want.getLine(), want.getCharPositionInLine(), want.getStartIndex(), want.getStopIndex()),
          List.of(got.getType(), got.getLine(), got.getCharPositionInLine(), got.getStartIndex(), got.getStopIndex()));
      return;
    }
    ParserRuleContext want = (ParserRuleContext) expected;
    ParserRuleContext got = (ParserRuleContext) actual;
    assertEquals(want.getStart().getStartIndex(), got.getStart().getStartIndex());
    assertEquals(want.getStop().getStopIndex(), got.getStop().getStopIndex());
    for (int i = 0; i < want.getChildCount(); i++) {
      assertSame(got, got.getChild(i).getParent(), "the parent of a child");
      assertSameTree(want.getChild(i), got.getChild(i));
    }
  }
}
