package calm.analysis.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.syntax.Parsing;
import calm.syntax.Program;
import calm.syntax.Rule;
import calm.syntax.SourceFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An edge knows its rule's place among the program's rules, beside its time and flags. */
class DependencyRuleNumberTest {
  private final Program program =
      Parsing.parse(
              new SourceFile(
                  "g.calm",
                  "input a(x: int).\ntable b(x: int).\ntable c(x: int).\nscratch n(c: int).\n"
                      + "b(X) :- a(X).\n" // rule 0
                      + "c(X)@next :- a(X), not b(X), X > 1.\n" // rule 1
                      + "n(count(X)) :- c(X), b(X).\n" // rule 2
                      + "delete b(X) :- c(X).\n")) // rule 3
          .program()
          .orElseThrow();

  @Test
  void everyEdgeNamesItsRuleByItsPlace() {
    List<Rule> rules = program.rules();
    DependencyGraph graph = DependencyGraph.of(Schema.of(program), rules);
    List<Integer> numbers = new ArrayList<>();
    for (Dependency d : graph.dependencies()) {
      assertSame(rules.get(d.ruleNumber()), d.rule());
      numbers.add(d.ruleNumber());
    }
    assertEquals(List.of(0, 1, 1, 2, 2, 3), numbers);
  }

  @Test
  void theNumberLeavesTheTimeAndFlagsAsTheyWere() {
    DependencyGraph graph = DependencyGraph.of(Schema.of(program), program.rules());
    Dependency negated = graph.dependencies().get(2);
    assertEquals(Time.NEXT, negated.time());
    assertTrue(negated.negated() && !negated.aggregated() && !negated.deleting() && !negated.snapshot());
    Dependency aggregated = graph.dependencies().get(3);
    assertTrue(aggregated.aggregated() && !aggregated.negated());
    assertEquals(Time.SAME_TICK, aggregated.time());
    assertTrue(graph.dependencies().get(5).deleting());
    Dependency same =
        new Dependency(negated.from(), negated.to(), negated.rule(), negated.literal(), Time.NEXT, true, false, false);
    assertEquals(-1, same.ruleNumber());
    assertEquals(negated, same, "an edge is the same edge whether or not it knows its rule's place");
  }

  @Test
  void aPlacePastTheLimitIsRefused() {
    Rule rule = program.rules().get(0);
    assertThrows(
        IllegalArgumentException.class,
        () -> Dependency.ofRule(rule, Dependency.MOST_RULES, "b", List.of(), (literal, edge) -> {}));
    List<Dependency> last = new ArrayList<>();
    Dependency.ofRule(rule, Dependency.MOST_RULES - 1, "b", List.of(), (literal, edge) -> last.add(edge));
    assertEquals(Dependency.MOST_RULES - 1, last.get(0).ruleNumber());
  }
}
