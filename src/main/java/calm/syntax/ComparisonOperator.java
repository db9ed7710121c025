package calm.syntax;

/** {@code = != < <= > >=}. */
public enum ComparisonOperator {
  EQ("="),
  NE("!="),
  LT("<"),
  LE("<="),
  GT(">"),
  GE(">=");

  private final String symbol;

  ComparisonOperator(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  public boolean isOrdering() {
    return this != EQ && this != NE;
  }

  /** The operator with its operands swapped: {@code a < b} iff {@code b > a}. */
  public ComparisonOperator flipped() {
    return switch (this) {
      case LT -> GT;
      case LE -> GE;
      case GT -> LT;
      case GE -> LE;
      default -> this;
    };
  }

  public static ComparisonOperator of(String symbol) {
    for (ComparisonOperator op : values()) {
      if (op.symbol.equals(symbol)) {
        return op;
      }
    }
    throw new IllegalArgumentException(symbol);
  }
}
