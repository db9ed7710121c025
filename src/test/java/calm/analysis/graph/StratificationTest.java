package calm.analysis.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.syntax.Parsing;
import calm.syntax.Program;
import calm.syntax.SourceFile;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StratificationTest {
  private static Stratification of(String text) {
    Program program = Parsing.parse(new SourceFile("t.calm", text)).program().orElseThrow();
    return Stratification.of(DependencyGraph.of(Schema.of(program), program.rules()));
  }

  private static final String LAYERS =
      "table e(x: int, y: int).\ntable tc(x: int, y: int).\ntable node(x: int).\n"
          + "table un(x: int, y: int).\ntable n(x: int, c: int).\ntable top(c: int).\n"
          + "top(max(C)) :- n(_, C).\n" // written first: the order of rules must not matter
          + "n(X, count(Y)) :- un(X, Y).\n"
          + "un(X, Y) :- node(X), node(Y), not tc(X, Y).\n"
          + "tc(X, Y) :- e(X, Y).\ntc(X, Z) :- tc(X, Y), e(Y, Z).\n";

  @Test
  void negationAndAggregationRaiseTheStratum() {
    Stratification s = of(LAYERS);
    assertEquals(0, s.stratumOf("e"));
    assertEquals(0, s.stratumOf("tc"));
    assertEquals(1, s.stratumOf("un"));
    assertEquals(2, s.stratumOf("n"));
    assertEquals(3, s.stratumOf("top"));
    assertEquals(4, s.strataCount());
    assertTrue(s.unstratifiableCycles().isEmpty());
  }

  @Test
  void componentsComeAfterWhatTheyRead() {
    List<String> order =
        of(LAYERS).components().stream().map(c -> c.stream().sorted().collect(Collectors.joining(",")))
            .toList();
    assertTrue(order.indexOf("e") < order.indexOf("tc"), order.toString());
    assertTrue(order.indexOf("tc") < order.indexOf("un"), order.toString());
    assertTrue(order.indexOf("un") < order.indexOf("n"), order.toString());
    assertTrue(order.indexOf("n") < order.indexOf("top"), order.toString());
  }

  @Test
  void aCycleThroughNegationIsFoundAndNextBreaksIt() {
    String cyclic = "table a(x: int).\ntable b(x: int).\ntable c(x: int).\n"
        + "a(X) :- c(X), not b(X).\nb(X) :- a(X).\n";
    List<Dependency> cycle = of(cyclic).unstratifiableCycles().get(0);
    assertEquals("b->a, a->b", cycle.stream().map(d -> d.from() + "->" + d.to()).collect(Collectors.joining(", ")));
    assertTrue(of(cyclic.replace("b(X) :- a(X).", "b(X)@next :- a(X).")).unstratifiableCycles().isEmpty());
  }

  @Test
  void eachComponentWithABadEdgeHasItsOwnCycleInRuleOrder() {
    String two = "table base(x: int).\ntable a(x: int).\ntable b(x: int).\ntable c(x: int).\ntable d(x: int).\n"
        + "c(X) :- base(X), not d(X).\nd(X) :- c(X).\n"
        + "a(X) :- base(X), not b(X).\nb(X) :- a(X), not a(X).\n";
    List<String> cycles = of(two).unstratifiableCycles().stream()
        .map(c -> c.stream().map(d -> d.from() + "->" + d.to()).collect(Collectors.joining(", ")))
        .toList();
    // one cycle per component, not one per bad edge (b -(not)-> a and a -(not)-> b are one error)
    assertEquals(List.of("d->c, c->d", "b->a, a->b"), cycles);
  }
}
