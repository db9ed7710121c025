package calm.syntax;

import calm.syntax.antlr.CalmLexer;
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
  private enum Kind { OPEN, CLOSE, END, OPERATOR, OPERAND_START, OTHER }

  /**
   * Each token type's part in nesting, worked out once from the lexer's literal names: reading every
   * token's text would make a string per token of a large file.
   */
  private static final Kind[] KINDS = kinds();

  /** Operators read at each open parenthesis level, the item's top level first. */
  private int[] operators = new int[16];
  private int parens;
  private int depth;

  /** Takes the next token; true when the expression it belongs to now nests too deeply. */
  boolean tooDeep(Token token) {
    int type = token.getType();
    Kind kind = type >= 0 && type < KINDS.length ? KINDS[type] : Kind.OTHER;
    switch (kind) {
      case OPEN -> {
        parens++;
        depth++;
        if (parens == operators.length) {
          operators = Arrays.copyOf(operators, parens * 2);
        }
        operators[parens] = 0;
      }
      case CLOSE -> {
        if (parens > 0) {
          depth -= 1 + operators[parens];
          parens--;
        }
      }
      case END -> {
        parens = 0;
        depth = 0;
        operators[0] = 0;
      }
      case OPERATOR -> {
        operators[parens]++;
        depth++;
      }
      case OPERAND_START -> {
        depth -= operators[parens];
        operators[parens] = 0;
      }
      case OTHER -> { }
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

  private static Kind[] kinds() {
    Kind[] kinds = new Kind[CalmLexer.VOCABULARY.getMaxTokenType() + 1];
    for (int type = 0; type < kinds.length; type++) {
      String literal = CalmLexer.VOCABULARY.getLiteralName(type);
      String text = literal == null ? "" : literal.substring(1, literal.length() - 1);
      kinds[type] = switch (text) {
        case "(" -> Kind.OPEN;
        case ")" -> Kind.CLOSE;
        case "." -> Kind.END;
        default -> isOperator(text) ? Kind.OPERATOR : startsOperand(text) ? Kind.OPERAND_START : Kind.OTHER;
      };
    }
    return kinds;
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
