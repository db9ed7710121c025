package calm.analysis.calm;

import calm.analysis.graph.RelationIds;
import calm.analysis.graph.RulesByRelation;
import calm.analysis.graph.Schema;
import calm.syntax.Atom;
import calm.syntax.Comparison;
import calm.syntax.Constant;
import calm.syntax.HeadForm;
import calm.syntax.Literal;
import calm.syntax.PositiveLiteral;
import calm.syntax.Rule;
import calm.syntax.Term;
import calm.syntax.Variable;
import calm.syntax.Variables;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The last part of the race rule of §8 The CALM analysis: two event atoms of one source race unless one of
 * them is implied by the other's message. Each atom is traced back to the source through scratch relations
 * derived by a single same-tick rule from one event atom; a column that such a rule constrains (a constant,
 * or a variable used elsewhere in the rule) must reach its head. Atom X is then implied by atom Y's message
 * when every source column constrained for X is held, in both, by the same variable: whichever message X's
 * fact came from agrees with Y's on everything that matters, so the rule's result in a tick is the union of
 * what each message gives alone, whatever arrives with it.
 *
 * <p>Sounder than the letter of §8 The CALM analysis in one place: in an aggregate rule every named variable
 * of the event atom counts as constrained, since the aggregate ranges over the body's named variables (a
 * count of {@code Y} in {@code n(K, count(Y)) :- s(K, Y)} depends on how many messages meet in the tick).
 */
final class SameSourceRace {
  private final Schema schema;
  private final EventRelations events;
  private final List<Rule> rules;
  private final RelationIds ids;
  /** The rules by head relation, made when a message trace first needs them (most programs never do). */
  private RulesByRelation byHead;
  private final Map<String, MessageTrace> traces = new HashMap<>();

  /** Two atoms that can match two messages of one source, and why. */
  record Race(PositiveLiteral first, PositiveLiteral second, String source, String why) {}

  SameSourceRace(Schema schema, EventRelations events, List<Rule> rules, RelationIds ids) {
    this.schema = schema;
    this.events = events;
    this.rules = rules;
    this.ids = ids;
  }

  /**
   * A race among event atoms that all come from one source, or empty when some atom's message implies
   * every other atom, directly or through another.
   */
  Optional<Race> find(Rule rule, List<PositiveLiteral> atoms) {
    int n = atoms.size();
    if (n < 2) {
      return Optional.empty();
    }
    Map<String, Integer> occurrences = occurrences(rule);
    boolean aggregate = rule.isAggregate();
    // implied[x][y]: atom x is implied by atom y's message
    boolean[][] implied = new boolean[n][n];
    for (int x = 0; x < n; x++) {
      for (int y = 0; y < n; y++) {
        implied[x][y] =
            x == y || mismatch(atoms.get(x).atom(), atoms.get(y).atom(), occurrences, aggregate) == null;
      }
    }
    for (int root = 0; root < n; root++) {
      if (reachesAll(implied, root)) {
        return Optional.empty();
      }
    }
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        if (!implied[a][b] && !implied[b][a]) {
          return Optional.of(race(atoms.get(a), atoms.get(b), occurrences, aggregate));
        }
      }
    }
    // every pair is tied one way, but no message ties them all: name a pair the first cannot reach
    for (int b = 1; b < n; b++) {
      if (!implied[b][0]) {
        return Optional.of(race(atoms.get(0), atoms.get(b), occurrences, aggregate));
      }
    }
    throw new IllegalStateException("no root, yet every atom is implied by the first");
  }

  private static boolean reachesAll(boolean[][] implied, int root) {
    int n = implied.length;
    boolean[] seen = new boolean[n];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    seen[root] = true;
    queue.add(root);
    int count = 1;
    while (!queue.isEmpty()) {
      int y = queue.poll();
      for (int x = 0; x < n; x++) {
        if (!seen[x] && implied[x][y]) {
          seen[x] = true;
          count++;
          queue.add(x);
        }
      }
    }
    return count == n;
  }

  private Race race(
      PositiveLiteral a, PositiveLiteral b, Map<String, Integer> occurrences, boolean aggregate) {
    MessageTrace ta = trace(a.atom().relation().text());
    MessageTrace tb = trace(b.atom().relation().text());
    // a reason about a relation's derivation explains both directions at once; prefer it
    String why =
        !ta.traced() ? ta.failure()
            : !tb.traced() ? tb.failure()
            : Optional.ofNullable(mismatch(a.atom(), b.atom(), occurrences, aggregate))
                .orElseGet(() -> mismatch(b.atom(), a.atom(), occurrences, aggregate));
    return new Race(a, b, events.sourceName(a.atom().relation().text()), why);
  }

  /**
   * Null when atom {@code x} is implied by atom {@code y}'s message; otherwise why a fact matching
   * {@code x} need not come from that message.
   */
  private String mismatch(Atom x, Atom y, Map<String, Integer> occurrences, boolean aggregate) {
    MessageTrace tx = trace(x.relation().text());
    MessageTrace ty = trace(y.relation().text());
    if (!tx.traced()) {
      return tx.failure();
    }
    if (!ty.traced()) {
      return ty.failure();
    }
    int sourceArity = tx.constrained().length;
    for (int c = 0; c < sourceArity; c++) {
      boolean constrained = tx.constrained()[c];
      for (int i = 0; i < x.arity(); i++) {
        if (tx.carried()[i] == c && isConstrained(x.arguments().get(i), occurrences, aggregate)) {
          constrained = true;
        }
      }
      if (constrained && !sharedVariable(x, tx, y, ty, c)) {
        return "column `" + columnName(tx.source(), c) + "` of `" + tx.source() + "` is "
            + held(x, tx, c) + " in `" + atomText(x) + "` but " + held(y, ty, c) + " in `" + atomText(y) + "`";
      }
    }
    return null;
  }

  /** Whether both atoms hold one variable in columns that carry source column {@code c}. */
  private static boolean sharedVariable(Atom x, MessageTrace tx, Atom y, MessageTrace ty, int c) {
    for (int i = 0; i < x.arity(); i++) {
      if (tx.carried()[i] == c && x.arguments().get(i) instanceof Variable v) {
        for (int k = 0; k < y.arity(); k++) {
          if (ty.carried()[k] == c && y.arguments().get(k) instanceof Variable w && w.name().equals(v.name())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static String held(Atom atom, MessageTrace trace, int c) {
    List<String> terms = new ArrayList<>();
    for (int i = 0; i < atom.arity(); i++) {
      if (trace.carried()[i] == c) {
        terms.add("`" + atom.arguments().get(i) + "`");
      }
    }
    return terms.isEmpty() ? "not kept" : String.join(" and ", terms);
  }

  private static boolean isConstrained(Term term, Map<String, Integer> occurrences, boolean aggregate) {
    if (term instanceof Constant) {
      return true;
    }
    return term instanceof Variable v && (aggregate || occurrences.getOrDefault(v.name(), 0) >= 2);
  }

  /** How the facts of an event relation carry its source's message, computed once per relation. */
  MessageTrace trace(String relation) {
    MessageTrace known = traces.get(relation);
    if (known != null) {
      return known;
    }
    // a relation that reaches itself again on the way cannot be tied to one message
    traces.put(relation, MessageTrace.failed(relation, "`" + relation + "` is derived from itself"));
    MessageTrace trace = computeTrace(relation);
    traces.put(relation, trace);
    return trace;
  }

  private List<Rule> rulesWithHead(String relation) {
    if (byHead == null) {
      byHead = RulesByRelation.heads(ids);
    }
    int id = ids.id(relation);
    if (id < 0) {
      return List.of();
    }
    List<Rule> found = new ArrayList<>(byHead.end(id) - byHead.start(id));
    for (int k = byHead.start(id); k < byHead.end(id); k++) {
      found.add(rules.get(byHead.rule(k)));
    }
    return found;
  }

  private MessageTrace computeTrace(String relation) {
    if (schema.get(relation).kind().isSourceOfAsynchrony()) {
      return MessageTrace.ofSource(relation, schema.get(relation).arity());
    }
    String source = events.sourceName(relation);
    List<Rule> rules = rulesWithHead(relation);
    if (rules.size() != 1) {
      return MessageTrace.failed(
          source,
          "`" + relation + "` is derived by " + rules.size() + " rules (lines "
              + rules.stream().map(r -> String.valueOf(r.span().line())).collect(Collectors.joining(", "))
              + "), so its facts need not come from one `" + source + "` message");
    }
    Rule rule = rules.get(0);
    int line = rule.span().line();
    if (rule.head().form() != HeadForm.SAME_TICK) {
      return MessageTrace.failed(
          source, "`" + relation + "` is derived a tick after its message (line " + line + ")");
    }
    PositiveLiteral event = null;
    int eventReads = 0;
    for (Literal literal : rule.body()) {
      Atom atom = SealApplication.atomOf(literal);
      if (atom != null && events.isEvent(atom.relation().text())) {
        eventReads++;
        if (literal instanceof PositiveLiteral p) {
          event = p;
        }
      }
    }
    if (eventReads != 1 || event == null) {
      return MessageTrace.failed(
          source,
          "the rule at line " + line + " derives `" + relation + "` from " + eventReads
              + " event atoms, so its facts need not come from one `" + source + "` message");
    }
    MessageTrace inner = trace(event.atom().relation().text());
    if (!inner.traced()) {
      return inner;
    }
    Map<String, Integer> occurrences = occurrences(rule);
    boolean aggregate = rule.isAggregate();
    Atom atom = event.atom();
    int sourceArity = inner.constrained().length;
    boolean[] constrained = inner.constrained().clone();
    List<List<String>> holders = new ArrayList<>();
    for (int c = 0; c < sourceArity; c++) {
      holders.add(new ArrayList<>());
    }
    for (int j = 0; j < atom.arity(); j++) {
      int c = inner.carried()[j];
      Term term = atom.arguments().get(j);
      if (c < 0) {
        continue;
      }
      if (isConstrained(term, occurrences, aggregate)) {
        constrained[c] = true;
      }
      if (term instanceof Variable v) {
        holders.get(c).add(v.name());
      }
    }
    List<Term> head = rule.head().atom().arguments();
    int[] carried = new int[head.size()];
    for (int i = 0; i < head.size(); i++) {
      carried[i] = -1;
      if (head.get(i) instanceof Variable v) {
        for (int c = 0; c < sourceArity && carried[i] < 0; c++) {
          if (holders.get(c).contains(v.name())) {
            carried[i] = c;
          }
        }
      }
    }
    for (int c = 0; c < sourceArity; c++) {
      boolean reaches = false;
      for (int column : carried) {
        reaches |= column == c;
      }
      if (constrained[c] && !reaches) {
        return MessageTrace.failed(
            source,
            "`" + relation + "` keeps only the `" + source + "` messages that pass a test on column `"
                + columnName(source, c) + "` (line " + line + ") but drops that column");
      }
    }
    return new MessageTrace(source, carried, constrained, null);
  }

  private String columnName(String relation, int column) {
    return schema.get(relation).columns().get(column).name().text();
  }

  /** How often each named variable occurs in the rule, head and body, inside expressions too. */
  private static Map<String, Integer> occurrences(Rule rule) {
    Map<String, Integer> count = new HashMap<>();
    for (Term t : rule.head().atom().arguments()) {
      Variables.names(t).forEach(v -> count.merge(v, 1, Integer::sum));
    }
    for (Literal literal : rule.body()) {
      Atom atom = SealApplication.atomOf(literal);
      if (atom != null) {
        for (Term t : atom.arguments()) {
          Variables.names(t).forEach(v -> count.merge(v, 1, Integer::sum));
        }
      } else if (literal instanceof Comparison c) {
        Variables.names(c.left()).forEach(v -> count.merge(v, 1, Integer::sum));
        Variables.names(c.right()).forEach(v -> count.merge(v, 1, Integer::sum));
      }
    }
    return count;
  }

  static String atomText(Atom atom) {
    return atom.relation().text()
        + atom.arguments().stream().map(Object::toString).collect(Collectors.joining(", ", "(", ")"));
  }
}
