package calm.eval;

import calm.syntax.Rule;

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

  /** Runs the plan once; arithmetic errors become run errors that name the rule. */
  void execute(NodeState node, int deltaFrom, int deltaTo) {
    Frame frame = new Frame(registers, node);
    frame.deltaFrom = deltaFrom;
    frame.deltaTo = deltaTo;
    node.currentRule = rule;
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
    }
  }
}
