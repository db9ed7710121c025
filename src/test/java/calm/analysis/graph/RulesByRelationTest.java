package calm.analysis.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import calm.syntax.Parsing;
import calm.syntax.Program;
import calm.syntax.SourceFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules grouped by the relations they name, in program order; undeclared names are left out. */
class RulesByRelationTest {
  private final Program program =
      Parsing.parse(
              new SourceFile(
                  "g.calm",
                  "table a(x: int).\ntable b(x: int).\ntable c(x: int).\n"
                      + "b(X) :- a(X).\n" // rule 0
                      + "c(X) :- a(X), not b(X), X > 1.\n" // rule 1
                      + "b(X) :- c(X), c(X).\n" // rule 2
                      + "ghost(X) :- a(X), nowhere(X).\n")) // rule 3
          .program()
          .orElseThrow();
  private final RelationIds ids = RelationIds.of(Schema.of(program), program.rules());

  private List<Integer> of(RulesByRelation groups, String relation) {
    List<Integer> rules = new ArrayList<>();
    int id = ids.id(relation);
    for (int k = groups.start(id); k < groups.end(id); k++) {
      rules.add(groups.rule(k));
    }
    return rules;
  }

  @Test
  void groupsRulesByTheirHeads() {
    RulesByRelation heads = RulesByRelation.heads(ids);
    assertEquals(List.of(), of(heads, "a"));
    assertEquals(List.of(0, 2), of(heads, "b"));
    assertEquals(List.of(1), of(heads, "c"));
  }

  @Test
  void groupsRulesByWhatTheirBodiesRead() {
    RulesByRelation readers = RulesByRelation.readers(ids);
    assertEquals(List.of(0, 1, 3), of(readers, "a"));
    assertEquals(List.of(1), of(readers, "b"));
    assertEquals(List.of(2, 2), of(readers, "c"));
  }
}
