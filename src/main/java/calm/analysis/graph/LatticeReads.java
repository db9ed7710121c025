package calm.analysis.graph;

import calm.syntax.Aggregate;
import calm.syntax.AggregateFunction;
import calm.syntax.Atom;
import calm.syntax.BinaryExpr;
import calm.syntax.Column;
import calm.syntax.Comparison;
import calm.syntax.ComparisonOperator;
import calm.syntax.Constant;
import calm.syntax.Declaration;
import calm.syntax.Expr;
import calm.syntax.IntConstant;
import calm.syntax.Lattice;
import calm.syntax.Literal;
import calm.syntax.NegatedLiteral;
import calm.syntax.PositiveLiteral;
import calm.syntax.Rule;
import calm.syntax.Term;
import calm.syntax.Variable;
import calm.syntax.Variables;
import calm.syntax.Wildcard;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which reads of a lattice table are monotone (§11 Keyed tables, lattices and extern tables). A value
 * {@code V} read from a lattice column is used monotonically when it is only tested against a threshold in
 * the lattice's direction, flows into a lattice column of the same direction (as V, V + E, E + V, V - E or V
 * * c), or is the argument of an aggregate in its direction. Any other use makes the read a
 * <em>snapshot</em>: it stratifies like negation and, over an asynchronous table, is a coordination point.
 */
public final class LatticeReads {
  private LatticeReads() {}

  /** Which remedy a snapshot's help names first. */
  public enum Fix {
    /** A test against the value: test a threshold in the lattice's direction instead. */
    THRESHOLD,
    /** The value flows into a plain column or one of the other direction: type it as the same lattice. */
    SAME_LATTICE,
    /** Anything else (equality, a join on the value, negation): seal the table by its key. */
    SEAL,
    /** A threshold whose bound can lose facts or is an event: take it from a grow-only relation. */
    BOUND,
    /** A sum or count over the value with the key projected away: name the key in the atom. */
    KEY,
    /** A sum over a max value that the body does not test non-negative: test {@code V >= 0}. */
    NON_NEGATIVE
  }

  /**
   * A threshold test {@code test} of the value read by {@code literal}, against {@code bound} (the K of §11
   * Keyed tables, lattices and extern tables).
   */
  public record Threshold(Literal literal, String relation, Comparison test, Expr bound) {}

  /**
   * The threshold tests in the lattice's direction of the rule's monotone reads: each is monotone only
   * when its bound is a constant or comes from a relation whose facts only ever appear, which the CALM
   * analysis checks (it knows which relations lose facts).
   */
  public static List<Threshold> thresholds(Schema schema, Rule rule) {
    if (!schema.hasLatticeTables()) {
      return List.of();
    }
    List<Snapshot> snapshots = of(schema, rule);
    Map<String, Read> values = new LinkedHashMap<>();
    for (Literal literal : rule.body()) {
      if (!(literal instanceof PositiveLiteral p) || reads(snapshots, literal)) {
        continue;
      }
      Optional<Declaration> table = latticeTable(schema, p.atom());
      if (table.isEmpty()) {
        continue;
      }
      Declaration d = table.get();
      for (int i = d.keyColumns(); i < d.arity(); i++) {
        if (p.atom().arguments().get(i) instanceof Variable v) {
          values.putIfAbsent(v.name(), new Read(literal, p.atom(), i, d.columns().get(i).lattice(), d.name().text()));
        }
      }
    }
    List<Threshold> found = new ArrayList<>();
    for (Map.Entry<String, Read> entry : values.entrySet()) {
      Read read = entry.getValue();
      for (Literal literal : rule.body()) {
        if (literal instanceof Comparison c && isThreshold(c, entry.getKey(), read.lattice, values)) {
          Expr bound = c.left() instanceof Variable l && l.name().equals(entry.getKey()) ? c.right() : c.left();
          found.add(new Threshold(read.literal, read.relation, c, bound));
        }
      }
    }
    return found;
  }

  /** A non-monotone read of lattice table {@code relation} in {@code literal}, and why. */
  public record Snapshot(Literal literal, String relation, String why, Fix fix, boolean aggregate) {
    Snapshot(Literal literal, String relation, String why, Fix fix) {
      this(literal, relation, why, fix, false);
    }
  }

  /**
   * The snapshot reads of {@code rule}, in the order they are found (at most one per literal). Literals
   * are told apart by identity: a literal record's {@code equals} compares its places too, so two
   * literals of one body are equal only when they are the same, and the records' generated {@code
   * hashCode} and {@code equals} cost a check of the examples 40 ms of method-handle set-up at their
   * first call (docs/benchmarks.md, "Fourteenth round").
   */
  public static List<Snapshot> of(Schema schema, Rule rule) {
    if (!schema.hasLatticeTables()) {
      return List.of();
    }
    List<Snapshot> found = new ArrayList<>();
    Map<String, Read> values = new LinkedHashMap<>();
    for (Literal literal : rule.body()) {
      if (literal instanceof NegatedLiteral n && latticeTable(schema, n.atom()).isPresent()) {
        addFirst(found,
            new Snapshot(literal, name(n.atom()), "negation of lattice table `" + name(n.atom())
                + "` reads its current state", Fix.SEAL));
      }
      if (!(literal instanceof PositiveLiteral p)) {
        continue;
      }
      Optional<Declaration> table = latticeTable(schema, p.atom());
      if (table.isEmpty()) {
        continue;
      }
      Declaration d = table.get();
      for (int i = d.keyColumns(); i < d.arity() && i < p.atom().arity(); i++) {
        Column column = d.columns().get(i);
        Term argument = p.atom().arguments().get(i);
        if (argument instanceof Constant c) {
          addFirst(found,
              new Snapshot(literal, d.name().text(), "`" + d.name().text() + "` is read at the exact value "
                  + c + ", which the key holds only for a while", Fix.THRESHOLD));
        } else if (argument instanceof Variable v) {
          if (values.containsKey(v.name())) {
            addFirst(found,
                new Snapshot(literal, d.name().text(), "two lattice values are compared (`" + v.name()
                    + "` twice)", Fix.SEAL));
          } else {
            values.put(v.name(), new Read(literal, p.atom(), i, column.lattice(), d.name().text()));
          }
        }
      }
    }
    for (Map.Entry<String, Read> entry : values.entrySet()) {
      Read read = entry.getValue();
      if (reads(found, read.literal)) {
        continue;
      }
      misuse(schema, rule, entry.getKey(), read, values).ifPresent(found::add);
    }
    return List.copyOf(found);
  }

  /** The one of {@code snapshots} that is the read of {@code literal} (this very literal, see {@link #of}), or null. */
  public static Snapshot readOf(List<Snapshot> snapshots, Literal literal) {
    for (Snapshot snapshot : snapshots) {
      if (snapshot.literal() == literal) {
        return snapshot;
      }
    }
    return null;
  }

  /** Whether one of {@code snapshots} is the read of {@code literal} ({@link #readOf}). */
  public static boolean reads(List<Snapshot> snapshots, Literal literal) {
    return readOf(snapshots, literal) != null;
  }

  /** Adds {@code snapshot} unless its literal already has one: the first reason found stands. */
  private static void addFirst(List<Snapshot> found, Snapshot snapshot) {
    if (!reads(found, snapshot.literal())) {
      found.add(snapshot);
    }
  }

  /** The lattice table an atom reads, if it reads one. */
  public static Optional<Declaration> latticeTable(Schema schema, Atom atom) {
    return schema.lookup(name(atom)).filter(Declaration::isLatticeTable).filter(d -> d.arity() == atom.arity());
  }

  private record Read(Literal literal, Atom atom, int column, Lattice lattice, String relation) {}

  private static Optional<Snapshot> misuse(
      Schema schema, Rule rule, String variable, Read read, Map<String, Read> values) {
    String v = "`" + variable + "`";
    String from = " (the " + read.lattice.keyword() + " value of `" + read.relation + "`)";
    for (Literal literal : rule.body()) {
      if (literal instanceof PositiveLiteral p) {
        for (int i = 0; i < p.atom().arity(); i++) {
          boolean self = p.atom() == read.atom && i == read.column;
          if (!self && Variables.mentions(p.atom().arguments().get(i), variable)) {
            return snapshot(read, v + from + " is joined on with `" + name(p.atom())
                + "`: an equality with a value that may still change", Fix.SEAL);
          }
        }
      } else if (literal instanceof NegatedLiteral n && Variables.mentions(n.atom(), variable)) {
        return snapshot(read, v + from + " is used in a negated atom", Fix.SEAL);
      } else if (literal instanceof Comparison c && (Variables.mentions(c.left(), variable) || Variables.mentions(c.right(), variable))) {
        if (!isThreshold(c, variable, read.lattice, values)) {
          return snapshot(read, v + from + " is compared in `" + c.left() + " " + c.operator().symbol()
              + " " + c.right() + "`, which is not a threshold in the lattice's direction ("
              + threshold(variable, read.lattice) + ")", Fix.THRESHOLD);
        }
      }
    }
    List<Term> head = rule.head().atom().arguments();
    Optional<Declaration> target = schema.lookup(name(rule.head().atom())).filter(d -> d.arity() == head.size());
    for (int i = 0; i < head.size(); i++) {
      Term term = head.get(i);
      if (!Variables.mentions(term, variable)) {
        continue;
      }
      if (term instanceof Aggregate a) {
        if (!(a.argument() instanceof Variable arg && arg.name().equals(variable))
            || !inDirection(a.function(), read.lattice)) {
          return Optional.of(new Snapshot(read.literal, read.relation, v + from + " is aggregated by "
              + a.function().keyword() + ", against the lattice's direction", Fix.SEAL, true));
        }
        if (a.function() != AggregateFunction.MAX && a.function() != AggregateFunction.MIN
            && keyProjectedAway(schema, read)) {
          // an aggregate ranges over distinct assignments (§4 Rules): without the key, two keys whose values
          // meet count once, so a rise can lower a sum or a count
          return Optional.of(new Snapshot(read.literal, read.relation, v + from + " is aggregated by "
              + a.function().keyword() + " with the key of `" + read.relation + "` projected away (`_`):"
              + " two keys that reach the same value count once, so the result may fall", Fix.KEY, true));
        }
        if (a.function() == AggregateFunction.SUM && !NonNegative.provedBy(rule, a.argument())) {
          // §11 Keyed tables, lattices and extern tables asks for `V >= 0` with a sum over a max
          // column: a key that appears with a negative value lowers the sum, so without the test the
          // read is a snapshot
          return Optional.of(new Snapshot(read.literal, read.relation, v + from + " is summed without a"
              + " test that it is non-negative (`" + variable + " >= 0`): a key that appears with a"
              + " negative value lowers the sum", Fix.NON_NEGATIVE, true));
        }
        continue;
      }
      int at = i;
      Lattice into = target.map(d -> d.columns().get(at).lattice()).orElse(Lattice.NONE);
      if (into != read.lattice) {
        String column =
            target.map(d -> "`" + d.name().text() + "." + d.columns().get(at).name().text() + "`").orElse("the head");
        return snapshot(read, v + from + " flows into " + column + ", which is "
            + (into == Lattice.NONE ? "a plain column" : "a " + into.keyword() + " lattice")
            + ": the value copied may still rise", Fix.SAME_LATTICE);
      }
      if (!monotoneFlow((Expr) term, variable, values)) {
        return snapshot(read, v + from + " flows into the head as `" + term + "`, which is not V, V + E,"
            + " V - E or V * c", Fix.SAME_LATTICE);
      }
    }
    return Optional.empty();
  }

  private static boolean keyProjectedAway(Schema schema, Read read) {
    Optional<Declaration> d = latticeTable(schema, read.atom);
    for (int i = 0; d.isPresent() && i < d.get().keyColumns(); i++) {
      if (read.atom.arguments().get(i) instanceof Wildcard) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Snapshot> snapshot(Read read, String why, Fix fix) {
    return Optional.of(new Snapshot(read.literal, read.relation, why, fix));
  }

  /**
   * The aggregates that move with the lattice: for a max column, max, count and sum (sum only when the
   * body also tests the value non-negative, which {@link #misuse} checks next); for min, min.
   */
  private static boolean inDirection(AggregateFunction f, Lattice lattice) {
    return lattice == Lattice.MAX
        ? f == AggregateFunction.MAX || f == AggregateFunction.SUM || f == AggregateFunction.COUNT
        : f == AggregateFunction.MIN;
  }

  /** {@code V >= K}, {@code V > K} (or flipped) for max; {@code V <= K}, {@code V < K} for min. */
  private static boolean isThreshold(Comparison c, String variable, Lattice lattice, Map<String, Read> values) {
    ComparisonOperator op;
    Expr other;
    if (c.left() instanceof Variable l && l.name().equals(variable)) {
      op = c.operator();
      other = c.right();
    } else if (c.right() instanceof Variable r && r.name().equals(variable)) {
      op = c.operator().flipped();
      other = c.left();
    } else {
      return false;
    }
    if (freeOfLattice(other, values).isEmpty()) {
      return false;
    }
    return lattice == Lattice.MAX
        ? op == ComparisonOperator.GE || op == ComparisonOperator.GT
        : op == ComparisonOperator.LE || op == ComparisonOperator.LT;
  }

  private static String threshold(String variable, Lattice lattice) {
    return lattice == Lattice.MAX ? variable + " >= K" : variable + " <= K";
  }

  /** V, V + E, E + V, V - E or V * c, with E free of lattice values and c a non-negative constant. */
  private static boolean monotoneFlow(Expr term, String variable, Map<String, Read> values) {
    if (term instanceof Variable v) {
      return v.name().equals(variable);
    }
    if (!(term instanceof BinaryExpr b)) {
      return false;
    }
    return switch (b.operator()) {
      case ADD -> (isVariable(b.left(), variable) && freeOfLattice(b.right(), values).isPresent())
          || (isVariable(b.right(), variable) && freeOfLattice(b.left(), values).isPresent());
      case SUBTRACT -> isVariable(b.left(), variable) && freeOfLattice(b.right(), values).isPresent();
      case MULTIPLY -> (isVariable(b.left(), variable) && nonNegativeConstant(b.right()))
          || (isVariable(b.right(), variable) && nonNegativeConstant(b.left()));
      default -> false;
    };
  }

  private static boolean isVariable(Expr e, String variable) {
    return e instanceof Variable v && v.name().equals(variable);
  }

  private static boolean nonNegativeConstant(Expr e) {
    return e instanceof IntConstant c && c.value() >= 0;
  }

  /** The expression, when it mentions no lattice value. */
  private static Optional<Expr> freeOfLattice(Expr e, Map<String, Read> values) {
    for (String name : values.keySet()) {
      if (Variables.mentions(e, name)) {
        return Optional.empty();
      }
    }
    return Optional.of(e);
  }

  private static String name(Atom atom) {
    return atom.relation().text();
  }
}
