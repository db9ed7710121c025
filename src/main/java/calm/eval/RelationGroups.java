package calm.eval;

import calm.syntax.RelationKind;
import java.util.List;

/**
 * A program's relations by id, and the ids of each kind a run walks at every node and tick: worked out
 * once per compiled program rather than filtered out of the relation list per run.
 */
final class RelationGroups {
  final Relation[] byId;
  final int[] tables;
  /** Scratch, input and channel relations: every relation that is not a table ({@link Relation#isEphemeral}). */
  final int[] ephemeral;

  RelationGroups(List<Relation> relations) {
    byId = relations.toArray(new Relation[0]);
    int tableCount = 0;
    for (Relation r : byId) {
      if (r.kind() == RelationKind.TABLE) {
        tableCount++;
      }
    }
    tables = new int[tableCount];
    ephemeral = new int[byId.length - tableCount];
    int t = 0;
    int o = 0;
    for (int id = 0; id < byId.length; id++) {
      if (byId[id].kind() == RelationKind.TABLE) {
        tables[t++] = id;
      } else {
        ephemeral[o++] = id;
      }
    }
  }
}
