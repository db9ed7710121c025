package calm.analysis;

import calm.analysis.graph.RelationIds;
import calm.analysis.graph.RulesByRelation;
import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.syntax.Item;
import calm.syntax.Aggregate;
import calm.syntax.Column;
import calm.syntax.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import calm.syntax.Declaration;
import calm.syntax.HeadForm;
import calm.syntax.Literal;
import calm.syntax.NegatedLiteral;
import calm.syntax.PositiveLiteral;
import calm.syntax.RelationKind;
import calm.syntax.Rule;
import calm.syntax.Seal;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * W301: an aggregate written into a {@code table} over something that changes from tick to tick. A
 * table keeps its facts, so each value the aggregate takes stays beside the next ({@code total("s1", 1)}
 * and {@code total("s1", 2)}), which is almost never what was meant: a running total is a
 * {@code scratch}, recomputed every tick, or one row per key in a lattice column.
 *
 * <p>What changes between ticks: inputs and channels (visible only in the tick they arrive), whatever
 * {@code @next}, {@code delete} and {@code @async} rules write, and whatever is derived from those. An
 * aggregate over relations that never change (a program's fixed facts) is computed once and is fine,
 * and so is one over a sealed relation whose guard the rule reads (the partition is complete by then),
 * and one that joins an event (the answer to a request, taken when the request comes).
 */
final class AggregateIntoTableCheck implements ItemCheck {
  @Override
  public void checkItem(CheckContext context, Item item, int index, Consumer<Diagnostic> report) {
    if (item instanceof Rule rule) {
      check(context, rule, report);
    }
  }

  private static void check(CheckContext context, Rule rule, Consumer<Diagnostic> report) {
    if (!rule.isAggregate() || rule.head().form() == HeadForm.DELETE || rule.head().form() == HeadForm.ASYNC) {
      return;
    }
    String head = rule.head().atom().relation().text();
    Optional<Declaration> declaration = context.schema().lookup(head);
    // a keyed table holds one row per key: a lattice merges the values, a plain key conflicts
    if (declaration.isEmpty() || declaration.get().kind() != RelationKind.TABLE || declaration.get().keyed()) {
      return;
    }
    if (readsAnEvent(context, rule)) {
      return;
    }
    // loops rather than streams: this runs for every aggregate rule of a large program
    Set<String> read = new HashSet<>();
    for (Literal literal : rule.body()) {
      relation(literal).ifPresent(read::add);
    }
    // worked out (once, in the context) only for a program that writes an aggregate into a plain table
    Set<String> changing = context.changingRelations();
    String source = null; // the first in name order, for a stable message
    for (String relation : read) {
      if (changing.contains(relation) && !sealedHere(context, relation, read)
          && (source == null || relation.compareTo(source) < 0)) {
        source = relation;
      }
    }
    if (source == null) {
      return;
    }
    String function = "aggregate";
    for (Term term : rule.head().atom().arguments()) {
      if (term instanceof Aggregate aggregate) {
        function = aggregate.function().toString();
        break;
      }
    }
    report.accept(
        Diagnostic.of(
                Code.AGGREGATE_INTO_TABLE,
                rule.head().atom().span(),
                "`" + head + "` is a table, so it keeps every value this " + function.toLowerCase(java.util.Locale.ROOT)
                    + " ever had: as `" + source + "` changes, the new row joins the old ones instead of"
                    + " replacing them")
            .withRelated(declaration.get().name().span(), "`" + head + "` is declared a table here")
            .withHelp(
                "declare `" + head + "` a `scratch`, recomputed every tick from what holds now"
                    + " (persist what must outlive the tick in a table of its own)",
                "or, when the value only grows, keep one row per key with a lattice column: `"
                    + latticeForm(declaration.get(), rule) + "`"));
  }

  /**
   * A seal on the relation whose guard the rule also reads: the aggregate is taken once the sealed
   * partition is complete, so its value does not change afterwards (whether the key lines up is the
   * CALM analysis's business, W202 when it does not).
   */
  private static boolean sealedHere(CheckContext context, String relation, Set<String> read) {
    for (Seal seal : context.program().seals()) {
      String sealed = seal.sealed().relation().text();
      String guard = seal.guard().relation().text();
      // the guard only says when a partition is complete: new guard facts start new groups
      if ((sealed.equals(relation) || guard.equals(relation)) && read.contains(sealed) && read.contains(guard)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A rule that joins an event (an input or a channel message, visible only in the tick it arrives)
   * takes a snapshot when the event comes: the answer to a request, kept on purpose.
   */
  private static boolean readsAnEvent(CheckContext context, Rule rule) {
    for (Literal literal : rule.body()) {
      if (literal instanceof PositiveLiteral p
          && context.schema().lookup(p.atom().relation().text())
              .map(d -> d.kind().isSourceOfAsynchrony()).orElse(false)) {
        return true;
      }
    }
    return false;
  }

  /** The declaration with the group-by columns as the key and the aggregate's as a lattice. */
  private static String latticeForm(Declaration declaration, Rule rule) {
    List<String> key = new ArrayList<>();
    List<String> value = new ArrayList<>();
    List<Term> arguments = rule.head().atom().arguments();
    for (int i = 0; i < declaration.columns().size() && i < arguments.size(); i++) {
      Column column = declaration.columns().get(i);
      if (arguments.get(i) instanceof Aggregate aggregate) {
        String lattice = aggregate.function().toString().toLowerCase(Locale.ROOT).equals("min") ? "min" : "max";
        value.add(column.name().text() + ": " + lattice + "<" + column.type().keyword() + ">");
      } else {
        key.add(column.name().text() + ": " + column.type().keyword());
      }
    }
    return "table " + declaration.name().text() + "(" + String.join(", ", key) + (key.isEmpty() ? "" : " ")
        + "=> " + String.join(", ", value) + ")";
  }

  private static Optional<String> relation(Literal literal) {
    if (literal instanceof PositiveLiteral p) {
      return Optional.of(p.atom().relation().text());
    }
    if (literal instanceof NegatedLiteral n) {
      return Optional.of(n.atom().relation().text());
    }
    return Optional.empty();
  }

  /**
   * Relations whose facts can differ from one tick to the next, to a fixpoint over the rules: the
   * sources of asynchrony and the heads of rules that take effect later, then every head of a rule
   * that reads one of them, along the dependency graph's edges (which join declared relations only).
   * The spreading runs over relation numbers ({@link RulesByRelation#readers}, which with the heads'
   * numbers are the graph's edges): the graph's edges by name were half a second of the million-rule
   * check in map look-ups, and the numbers alone do not wait for the graph, which the CALM analysis
   * is building on another thread meanwhile.
   */
  static Set<String> changingRelations(CheckContext context) {
    RelationIds ids = context.ids();
    List<Rule> rules = context.program().rules();
    int relations = ids.size();
    boolean[] changing = new boolean[relations];
    int[] work = new int[relations];
    int pending = 0;
    Set<String> names = new HashSet<>();
    for (Declaration d : context.schema().declarations()) {
      if (d.kind().isSourceOfAsynchrony()) {
        pending = mark(ids.id(d.name().text()), changing, work, pending);
      }
    }
    for (int r = 0; r < rules.size(); r++) {
      Rule rule = rules.get(r);
      if (rule.head().form() != HeadForm.SAME_TICK) {
        int head = ids.head(r);
        if (head == RelationIds.UNDECLARED) {
          names.add(rule.head().atom().relation().text()); // changing, but no edge leaves it
        } else {
          pending = mark(head, changing, work, pending);
        }
      }
    }
    RulesByRelation readers = RulesByRelation.readers(ids);
    while (pending > 0) {
      int x = work[--pending];
      for (int k = readers.start(x); k < readers.end(x); k++) {
        int head = ids.head(readers.rule(k));
        if (head != RelationIds.UNDECLARED) {
          pending = mark(head, changing, work, pending);
        }
      }
    }
    for (int x = 0; x < relations; x++) {
      if (changing[x]) {
        names.add(ids.name(x));
      }
    }
    return names;
  }

  /** Marks relation {@code id} changing and queues it, unless it is already; returns the queue's length. */
  private static int mark(int id, boolean[] changing, int[] work, int pending) {
    if (changing[id]) {
      return pending;
    }
    changing[id] = true;
    work[pending] = id;
    return pending + 1;
  }
}
