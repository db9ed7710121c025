package calm.analysis.graph;

import java.util.function.IntConsumer;

/**
 * The program's rules grouped by a relation they name, as numbers: the rules of relation {@code x}
 * are {@code rule(k)} for {@code k} from {@code start(x)} to {@code end(x)}, in program order. Made by a
 * counting sort of the rules' relation numbers ({@link RelationIds}), without a map or a list per
 * relation: the analyses that ask it of a million-rule program found their maps of lists by name
 * half a second each.
 */
public final class RulesByRelation {
  private final int[] start;
  private final int[] rules;

  private RulesByRelation(int[] start, int[] rules) {
    this.start = start;
    this.rules = rules;
  }

  /** The rules by the relation of their heads. */
  public static RulesByRelation heads(RelationIds ids) {
    return group(ids, (rule, relation) -> relation.accept(ids.head(rule)));
  }

  /** The rules by the relations their bodies read, a rule once per literal naming a relation. */
  public static RulesByRelation readers(RelationIds ids) {
    return group(
        ids,
        (rule, relation) -> {
          for (int i = 0; i < ids.bodySize(rule); i++) {
            relation.accept(ids.body(rule, i));
          }
        });
  }

  public int start(int relation) {
    return start[relation];
  }

  public int end(int relation) {
    return start[relation + 1];
  }

  /** The number of the rule at {@code k} (from {@link #start} to {@link #end} of its relation). */
  public int rule(int k) {
    return rules[k];
  }

  private interface Named {
    /** Gives {@code relation} the numbers of the relations {@code rule} names (undeclared ones too). */
    void each(int rule, IntConsumer relation);
  }

  private static RulesByRelation group(RelationIds ids, Named named) {
    int[] start = new int[ids.size() + 2];
    for (int r = 0; r < ids.rules(); r++) {
      named.each(
          r,
          x -> {
            if (x != RelationIds.UNDECLARED) {
              start[x + 2]++;
            }
          });
    }
    for (int x = 2; x < start.length; x++) {
      start[x] += start[x - 1];
    }
    int[] rules = new int[start[start.length - 1]];
    for (int r = 0; r < ids.rules(); r++) {
      int rule = r;
      named.each(
          r,
          x -> {
            if (x != RelationIds.UNDECLARED) {
              rules[start[x + 1]++] = rule;
            }
          });
    }
    return new RulesByRelation(start, rules);
  }
}
