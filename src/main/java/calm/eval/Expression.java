package calm.eval;

/**
 * A compiled arithmetic expression over a rule's registers. Integer operations are exact: overflow
 * and division by zero throw {@link ArithmeticException}, which the rule turns into a {@link RunError}.
 */
abstract class Expression {
  abstract long eval(long[] registers);

  /** The register this expression reads directly, or -1: lets '=' bind without evaluating. */
  int register() {
    return -1;
  }

  static Expression constant(long value) {
    return new Expression() {
      @Override
      long eval(long[] registers) {
        return value;
      }
    };
  }

  static Expression register(int index) {
    return new Expression() {
      @Override
      long eval(long[] registers) {
        return registers[index];
      }

      @Override
      int register() {
        return index;
      }
    };
  }

  static Expression negate(Expression operand) {
    return new Expression() {
      @Override
      long eval(long[] registers) {
        return Math.negateExact(operand.eval(registers));
      }
    };
  }

  static Expression add(Expression a, Expression b) {
    return new Expression() {
      @Override
      long eval(long[] registers) {
        return Math.addExact(a.eval(registers), b.eval(registers));
      }
    };
  }

  static Expression subtract(Expression a, Expression b) {
    return new Expression() {
      @Override
      long eval(long[] registers) {
        return Math.subtractExact(a.eval(registers), b.eval(registers));
      }
    };
  }

  static Expression multiply(Expression a, Expression b) {
    return new Expression() {
      @Override
      long eval(long[] registers) {
        return Math.multiplyExact(a.eval(registers), b.eval(registers));
      }
    };
  }

  static Expression divide(Expression a, Expression b) {
    return new Expression() {
      @Override
      long eval(long[] registers) {
        long divisor = b.eval(registers);
        long dividend = a.eval(registers);
        if (divisor == 0) {
          throw new ArithmeticException("division by zero");
        }
        if (dividend == Long.MIN_VALUE && divisor == -1) {
          throw new ArithmeticException("long overflow");
        }
        return dividend / divisor; // Java truncates toward zero, as §4 Rules asks
      }
    };
  }

  static Expression remainder(Expression a, Expression b) {
    return new Expression() {
      @Override
      long eval(long[] registers) {
        long divisor = b.eval(registers);
        long dividend = a.eval(registers);
        if (divisor == 0) {
          throw new ArithmeticException("division by zero");
        }
        return dividend % divisor;
      }
    };
  }
}
