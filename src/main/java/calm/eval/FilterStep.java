package calm.eval;

import calm.syntax.ComparisonOperator;

/** A comparison whose operands are bound. Strings order by their text, not by their pool ids. */
final class FilterStep extends Step {
  private final Expression left;
  private final ComparisonOperator operator;
  private final Expression right;
  private final StringPool strings; // null: integers

  FilterStep(Expression left, ComparisonOperator operator, Expression right, StringPool strings) {
    this.left = left;
    this.operator = operator;
    this.right = right;
    this.strings = strings;
  }

  @Override
  void run(Frame frame) {
    long a = left.eval(frame.registers);
    long b = right.eval(frame.registers);
    int c;
    if (strings != null && operator.isOrdering()) {
      c = a == b ? 0 : strings.string(a).compareTo(strings.string(b));
    } else {
      c = Long.compare(a, b);
    }
    boolean pass =
        switch (operator) {
          case EQ -> a == b;
          case NE -> a != b;
          case LT -> c < 0;
          case LE -> c <= 0;
          case GT -> c > 0;
          case GE -> c >= 0;
        };
    if (pass) {
      next.run(frame);
    }
  }
}
