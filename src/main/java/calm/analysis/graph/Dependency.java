package calm.analysis.graph;

import calm.syntax.HeadForm;
import calm.syntax.Literal;
import calm.syntax.NegatedLiteral;
import calm.syntax.PositiveLiteral;
import calm.syntax.Rule;
import calm.source.Span;
import java.util.List;

/**
 * An edge of the dependency graph: {@code rule} reads {@code from} (in {@code literal}) and writes
 * {@code to}. One edge per body atom, so a rule that reads a relation twice has two edges.
 *
 * <p>Its time and its four flags are the bits of one int ({@code traits}), read through {@link
 * #time()}, {@link #negated()}, {@link #aggregated()}, {@link #deleting()} and {@link #snapshot()}:
 * 32 bytes an edge instead of 40, for the 1.7 million edges of the million-rule benchmark. The bits
 * above them hold the rule's place among the program's rules ({@link #ruleNumber()}), by which the
 * CALM analysis finds the rule's coordination point without hashing the rule or the literal.
 *
 * <p>{@code negated}: the body atom is under {@code not}; {@code aggregated}: the rule's head
 * aggregates; {@code deleting}: the rule's head is {@code delete} (or {@code @update}, which deletes the
 * old row); {@code snapshot}: the body atom reads a lattice value non-monotonically (§11 Keyed tables,
 * lattices and extern tables).
 */
public record Dependency(String from, String to, Rule rule, Literal literal, int traits) {
  private static final Time[] TIMES = Time.values();
  private static final int TIME_BITS = 0b11;
  private static final int NEGATED = 1 << 2;
  private static final int AGGREGATED = 1 << 3;
  private static final int DELETING = 1 << 4;
  private static final int SNAPSHOT = 1 << 5;
  private static final int FLAG_BITS = (1 << 6) - 1;
  private static final int RULE_SHIFT = 6;
  /** How many rules can have their places kept: far more than a JVM holds the syntax trees of. */
  public static final int MOST_RULES = (1 << (32 - RULE_SHIFT)) - 1;

  public Dependency(
      String from,
      String to,
      Rule rule,
      Literal literal,
      Time time,
      boolean negated,
      boolean aggregated,
      boolean deleting,
      boolean snapshot) {
    this(from, to, rule, literal, flags(time, negated, aggregated, deleting, snapshot));
  }

  private static int flags(Time time, boolean negated, boolean aggregated, boolean deleting, boolean snapshot) {
    return time.ordinal()
        | (negated ? NEGATED : 0)
        | (aggregated ? AGGREGATED : 0)
        | (deleting ? DELETING : 0)
        | (snapshot ? SNAPSHOT : 0);
  }

  public Dependency(
      String from, String to, Rule rule, Literal literal, Time time, boolean negated, boolean aggregated,
      boolean deleting) {
    this(from, to, rule, literal, time, negated, aggregated, deleting, false);
  }

  public Time time() {
    return TIMES[traits & TIME_BITS];
  }

  public boolean negated() {
    return (traits & NEGATED) != 0;
  }

  public boolean aggregated() {
    return (traits & AGGREGATED) != 0;
  }

  public boolean deleting() {
    return (traits & DELETING) != 0;
  }

  public boolean snapshot() {
    return (traits & SNAPSHOT) != 0;
  }

  /** The place of the rule among the rules its graph was made of, or -1 for an edge made without one. */
  public int ruleNumber() {
    return (traits >>> RULE_SHIFT) - 1;
  }

  /**
   * The generated equals would compare the rules' whole syntax trees; a literal stands at one place
   * in one rule, so comparing it (and the edge's own fields) says the same.
   */
  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof Dependency d
            && from.equals(d.from)
            && to.equals(d.to)
            && (traits & FLAG_BITS) == (d.traits & FLAG_BITS)
            && literal.equals(d.literal)
            && rule.span().equals(d.rule.span());
  }

  /**
   * Consistent with equals, but cheap: JGraphT hashes edges on every lookup, and the default would
   * hash the whole rule's syntax tree each time. The literal's position tells edges apart.
   */
  @Override
  public int hashCode() {
    Span at = literal.span();
    return (from.hashCode() * 31 + to.hashCode()) * 31 + at.line() * 8191 + at.column();
  }

  /** Receives an edge with the place of its literal in the rule's body. */
  @FunctionalInterface
  public interface Sink {
    void accept(int literal, Dependency edge);
  }

  /**
   * The edges {@code rule}, at {@code number} among the program's rules, makes, in body order: one per
   * relation atom of its body (positive or negated), each to {@code head}, the name of the rule's head
   * relation; {@code snapshots} are its snapshot reads (§11 Keyed tables, lattices and extern tables).
   */
  public static void ofRule(
      Rule rule, int number, String head, List<LatticeReads.Snapshot> snapshots, Sink edge) {
    if (number < 0 || number >= MOST_RULES) {
      throw new IllegalArgumentException("a rule's place must be below " + MOST_RULES + ", not " + number);
    }
    int place = (number + 1) << RULE_SHIFT;
    Time time = Time.of(rule.head().form());
    boolean aggregated = rule.isAggregate();
    boolean deleting = rule.head().form() == HeadForm.DELETE || rule.head().form() == HeadForm.UPDATE;
    List<Literal> body = rule.body();
    for (int i = 0; i < body.size(); i++) {
      Literal literal = body.get(i);
      String from = null;
      if (literal instanceof PositiveLiteral p) {
        from = p.atom().relation().text();
      } else if (literal instanceof NegatedLiteral n) {
        from = n.atom().relation().text();
      }
      if (from != null) {
        boolean negated = literal instanceof NegatedLiteral;
        boolean snapshot = !snapshots.isEmpty() && LatticeReads.reads(snapshots, literal);
        edge.accept(
            i, new Dependency(from, head, rule, literal, place | flags(time, negated, aggregated, deleting, snapshot)));
      }
    }
  }

  /**
   * Whether the head can lose facts when {@code from} gains some (§8 The CALM analysis), before monotone
   * aggregates.
   */
  public boolean isNonMonotone() {
    return (traits & (NEGATED | AGGREGATED | DELETING | SNAPSHOT)) != 0;
  }

  /** Whether stratification must put {@code from} strictly below {@code to}. */
  public boolean needsLowerStratum() {
    return time() == Time.SAME_TICK && (traits & (NEGATED | AGGREGATED | SNAPSHOT)) != 0;
  }
}
