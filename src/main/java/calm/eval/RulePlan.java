package calm.eval;

import calm.syntax.Rule;
import java.util.Arrays;

/**
 * One way of evaluating one rule: its steps, and for a semi-naive variant the body relation read
 * from its delta (-1 when every atom reads the whole relation).
 */
final class RulePlan {
  final Rule rule;
  final Step first;
  final Aggregator aggregator;
  final int registers;
  final int deltaRelation;
  private final MembershipStep[] batches; // in chain order

  RulePlan(Rule rule, Step first, Aggregator aggregator, int registers, int deltaRelation) {
    this.rule = rule;
    this.first = first;
    this.aggregator = aggregator;
    this.registers = registers;
    this.deltaRelation = deltaRelation;
    java.util.List<MembershipStep> found = new java.util.ArrayList<>();
    for (Step s = first; s != null; s = s.next) {
      if (s instanceof MembershipStep m && m.batched()) {
        found.add(m);
      }
    }
    this.batches = found.toArray(new MembershipStep[0]);
  }

  /**
   * For a semi-naive variant, the same variant started from each relation of a lower stratum in its
   * body (null when there is none), and those relations' ids.
   */
  private RulePlan[] alternatives;
  private int[] alternativeStarts;

  void addAlternative(int startRelation, RulePlan plan) {
    int n = alternatives == null ? 0 : alternatives.length;
    alternatives = Arrays.copyOf(alternatives == null ? new RulePlan[0] : alternatives, n + 1);
    alternativeStarts = Arrays.copyOf(alternativeStarts == null ? new int[0] : alternativeStarts, n + 1);
    alternatives[n] = plan;
    alternativeStarts[n] = startRelation;
  }

  /** The head relation when the rule derives each head tuple at most once ({@link DistinctHeads}), else -1. */
  private int distinctHead = -1;

  void derivesDistinctHeads(int relation) {
    distinctHead = relation;
  }

  /** A large delta is read by key from the smallest lower relation rather than row by row. */
  private static final int LARGE_DELTA = 256;

  /** Whether every round takes the alternative, whatever the sizes: for tests of the alternatives. */
  private boolean alwaysAlternative;

  int alternativeCount() {
    return alternatives == null ? 0 : alternatives.length;
  }

  void alwaysTakeAlternative() {
    alwaysAlternative = true;
  }

  /**
   * Runs the plan once; arithmetic errors become run errors that name the rule. A semi-naive variant
   * whose delta is large starts instead from the smallest relation of a lower stratum in its body when
   * that is at most half the delta's size: each of its rows then costs one lookup of the delta, where
   * starting from the delta visits every row of it and all it joins with (the sizes are known only now,
   * round by round). Both find the same solutions.
   */
  void execute(NodeState node, int deltaFrom, int deltaTo) {
    if (alternatives != null && (deltaTo - deltaFrom >= LARGE_DELTA || alwaysAlternative)) {
      int best = -1;
      int bestSize = alwaysAlternative ? Integer.MAX_VALUE : (deltaTo - deltaFrom) / 2;
      for (int i = 0; i < alternatives.length; i++) {
        int size = node.stores[alternativeStarts[i]].size;
        if (size < bestSize) {
          best = i;
          bestSize = size;
        }
      }
      if (best >= 0) {
        alternatives[best].execute(node, deltaFrom, deltaTo);
        return;
      }
    }
    Frame frame = new Frame(registers, node);
    frame.deltaFrom = deltaFrom;
    frame.deltaTo = deltaTo;
    node.currentRule = rule;
    TupleStore trusted = distinctHead >= 0 ? node.stores[distinctHead] : null;
    if (trusted != null) {
      trusted.trustAppends(true);
    }
    try {
      if (aggregator != null) {
        aggregator.start();
      }
      first.run(frame);
      for (MembershipStep batch : batches) { // upstream first: draining one may fill the next
        batch.drain(frame);
      }
      if (aggregator != null) {
        aggregator.finish(frame);
      }
      node.flush();
    } catch (KeyConflict conflict) {
      throw KeyConflicts.error(conflict, node, node.tick, KeyConflicts.ruleAt(rule), rule);
    } catch (ArithmeticException e) {
      String what = "division by zero".equals(e.getMessage()) ? "division by zero" : "integer overflow";
      throw new RunError(
          what + " in the rule at line " + rule.span().line() + ", column " + rule.span().column()
              + " (" + rule.head().atom().relation().text() + ") at node '" + node.name + "'",
          rule.span());
    } finally {
      if (trusted != null) {
        trusted.trustAppends(false);
      }
    }
  }
}
