package calm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChangedRelationsTest {
  private static Relation named(int id, String name) {
    return new Relation(id, name, calm.syntax.RelationKind.TABLE, false, List.of(), List.of(), -1, -1, List.of(), false);
  }

  @Test
  void namesEachRelationOnceInTheOrderFirstMarked() {
    List<Relation> relations = List.of(named(0, "a"), named(1, "b"), named(2, "c"));
    ChangedRelations changed = new ChangedRelations(3);
    assertTrue(changed.isEmpty());
    changed.add(2);
    changed.add(0);
    changed.add(2);
    assertEquals(List.of("c", "a"), changed.names(relations));
    changed.clear();
    assertTrue(changed.isEmpty());
    changed.add(1);
    changed.add(2);
    assertEquals(List.of("b", "c"), changed.names(relations));
  }
}
