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

  RulePlan(Rule rule, Step first, Aggregator aggregator, int registers, int deltaRelation) {
    this.rule = rule;
    this.first = first;
    this.aggregator = aggregator;
    this.registers = registers;
    this.deltaRelation = deltaRelation;
  }

  /** Runs the plan once; arithmetic errors become run errors that name the rule. */
  void execute(NodeState node, int deltaFrom, int deltaTo) {
    Frame frame = new Frame(registers, node);
    frame.deltaFrom = deltaFrom;
    frame.deltaTo = deltaTo;
    try {
      if (aggregator != null) {
        aggregator.start();
      }
      first.run(frame);
      if (aggregator != null) {
        aggregator.finish(frame);
      }
      node.flush();
    } catch (ArithmeticException e) {
      String what = "division by zero".equals(e.getMessage()) ? "division by zero" : "integer overflow";
      throw new RunError(
          what + " in the rule at line " + rule.span().line() + ", column " + rule.span().column()
              + " (" + rule.head().atom().relation().text() + ") at node '" + node.name + "'",
          rule.span());
    }
  }
}
