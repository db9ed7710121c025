package calm.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import calm.source.Span;
import org.junit.jupiter.api.Test;

/**
 * Names and variables keep where they start, their end being their text's length along the same line;
 * an atom starts where its relation's name does and keeps only its end.
 */
class IdentifierSpanTest {
  private final Rule rule =
      (Rule) Parsing.parse(new SourceFile("r.calm", "table edge(x: int, y: int).\n  path(Src, Dst) :- edge(Src, Dst)."))
          .program().orElseThrow().items().get(1);

  @Test
  void aNameEndsAfterItsText() {
    assertEquals(Span.of(2, 3, 2, 7), rule.head().atom().relation().span());
    assertEquals(Span.of(2, 21, 2, 25), ((PositiveLiteral) rule.body().get(0)).atom().relation().span());
  }

  @Test
  void aVariableEndsAfterItsName() {
    assertEquals(Span.of(2, 8, 2, 11), rule.head().atom().arguments().get(0).span());
    assertEquals(Span.of(2, 13, 2, 16), rule.head().atom().arguments().get(1).span());
  }

  @Test
  void anAtomStartsAtItsNameAndEndsAtItsParenthesis() {
    assertEquals(Span.of(2, 3, 2, 17), rule.head().atom().span());
    assertEquals(Span.of(2, 21, 2, 35), ((PositiveLiteral) rule.body().get(0)).atom().span());
  }

  @Test
  void aSpanThatIsNotTheTextsIsRefused() {
    Name edge = new Name("edge", Span.of(1, 3, 1, 7));
    assertThrows(IllegalArgumentException.class, () -> new Atom(Span.of(1, 1, 1, 9), edge, java.util.List.of()));
    assertThrows(IllegalArgumentException.class, () -> new Name("path", Span.of(1, 1, 1, 9)));
    assertThrows(IllegalArgumentException.class, () -> new Variable(Span.of(1, 1, 2, 3), "X"));
  }
}
