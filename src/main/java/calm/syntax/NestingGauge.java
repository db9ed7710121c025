package calm.syntax;

import java.util.Arrays;
import org.antlr.v4.runtime.Token;

/**
 * Measures, token by token, how deep the expression being read will nest, before the parser (which
 * recurses once per level) and the analyses (which walk the tree recursively) ever see it. Both
 * parentheses and operator chains nest: {@code - - - X} and {@code X + 1 + 1 + ...} are as deep as
 * they are long. Within one parenthesis level, a comma or a comparison starts a new operand, and a
 * '.' ends the item.
 */
final class NestingGauge {
  /** Operators read at each open parenthesis level, the item's top level first. */
  private int[] operators = new int[16];
  private int parens;
  private int depth;

  /** Takes the next token; true when the expression it belongs to now nests too deeply. */
  boolean tooDeep(Token token) {
    String text = token.getText();
    if ("(".equals(text)) {
      parens++;
      depth++;
      if (parens == operators.length) {
        operators = Arrays.copyOf(operators, parens * 2);
      }
      operators[parens] = 0;
    } else if (")".equals(text)) {
      if (parens > 0) {
        depth -= 1 + operators[parens];
        parens--;
      }
    } else if (".".equals(text)) {
      parens = 0;
      depth = 0;
      operators[0] = 0;
    } else if (isOperator(text)) {
      operators[parens]++;
      depth++;
    } else if (startsOperand(text)) {
      depth -= operators[parens];
      operators[parens] = 0;
    }
    return depth > Parsing.MAX_NESTING;
  }

  /** What to say about the token that made {@link #tooDeep} true. */
  static String message(Token token) {
    return "(".equals(token.getText())
        ? "parentheses nest more than " + Parsing.MAX_NESTING + " deep"
        : "the expression nests more than " + Parsing.MAX_NESTING
            + " deep (each operator and parenthesis is a level)";
  }

  private static boolean isOperator(String text) {
    return switch (text) {
      case "+", "-", "*", "/", "%" -> true;
      default -> false;
    };
  }

  private static boolean startsOperand(String text) {
    return switch (text) {
      case ",", ":-", "=", "!=", "<", "<=", ">", ">=" -> true;
      default -> false;
    };
  }
}
