package calm.eval;

import calm.syntax.Rule;
import calm.syntax.StringLiterals;
import java.util.List;
import java.util.stream.Collectors;

/** Words for a {@link KeyConflict}: the table, the key, both rows, and where the second came from. */
final class KeyConflicts {
  private KeyConflicts() {}

  /** {@code from} says where the second row came from, e.g. "the rule at line 7, column 1". */
  static RunError error(KeyConflict conflict, NodeState node, int tick, String from, Rule rule) {
    Relation r = node.program.relations().get(conflict.relation);
    StringPool strings = node.program.strings();
    String held = GroundFact.decode(r, conflict.held, strings).toString();
    String inserted = GroundFact.decode(r, conflict.inserted, strings).toString();
    List<Object> values = List.of(Values.decode(conflict.inserted, r.types(), strings));
    String key =
        values.subList(0, r.keyColumns()).stream()
            .map(v -> v instanceof String s ? StringLiterals.quote(s) : v.toString())
            .collect(Collectors.joining(", ", "(", ")"));
    String message =
        conflict.updates
            ? "key conflict in table '" + r.name() + "' at node '" + node.name + "', tick " + tick
                + ": two @update rows for key " + key + " in one tick, " + held + " and " + inserted
                + ", from " + from
            : "key conflict in table '" + r.name() + "' at node '" + node.name + "', tick " + tick
                + ": key " + key + " holds " + held + ", and " + from + " inserts " + inserted;
    return new RunError(message, rule == null ? null : rule.span());
  }

  static String ruleAt(Rule rule) {
    return "the rule at line " + rule.span().line() + ", column " + rule.span().column() + " ("
        + rule.head().atom().relation().text() + ")";
  }
}
