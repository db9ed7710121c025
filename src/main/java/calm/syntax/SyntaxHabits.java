package calm.syntax;

import calm.source.Span;
import calm.syntax.antlr.CalmLexer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * Recognizes what people who know Datalog, Prolog, Soufflé or SQL write by habit, so that the syntax
 * error names the habit and the Calm form instead of the token the parser expected. Each recognizer
 * looks only at the tokens around the place the parser stopped; when none fits, the parser's own
 * message stands.
 */
final class SyntaxHabits {
  /** What to say instead of the parser's message. */
  record Habit(Span span, String message, List<String> help) {}

  private static final Set<String> AGGREGATES = Set.of("count", "sum", "min", "max", "avg", "average", "mean");

  private SyntaxHabits() {}

  /** A habit that explains the syntax error at {@code offending} (a token of {@code tokens}), if any. */
  static Optional<Habit> atSyntaxError(TokenStream tokens, Token offending, boolean expectsEnd) {
    int at = offending.getTokenIndex();
    if (at < 0) {
      return Optional.empty();
    }
    Token previous = previous(tokens, at);
    Token beforePrevious = previous == null ? null : previous(tokens, previous.getTokenIndex());
    String text = offending.getType() == Token.EOF ? "" : offending.getText();

    Optional<Habit> decimal = decimal(tokens, offending, previous, beforePrevious);
    if (decimal.isPresent()) {
      return decimal;
    }
    if (text.equals("%")) {
      return Optional.of(prologComment(offending));
    }
    if (text.equals("*") && previous != null && previous.getText().equals("(")
        && beforePrevious != null && AGGREGATES.contains(beforePrevious.getText())) {
      return habit(
          AstBuilder.span(beforePrevious).to(AstBuilder.span(next(tokens, at, ")"))),
          "`" + beforePrevious.getText() + "(*)` is SQL; a Calm aggregate takes a variable of the body",
          "`count(V)` counts the distinct values of V in each group: count a variable that tells the rows"
              + " apart, e.g. `n(S, count(I)) :- cart(S, I).`");
    }
    if (text.equals("(") && previous != null && previous.getType() == CalmLexer.VARIABLE
        && AGGREGATES.contains(previous.getText().toLowerCase(java.util.Locale.ROOT))) {
      String lower = previous.getText().toLowerCase(java.util.Locale.ROOT);
      return habit(
          AstBuilder.span(previous),
          "`" + previous.getText() + "` starts with an uppercase letter, so it is a variable; aggregates are"
              + " written in lowercase, unlike SQL's " + previous.getText().toUpperCase(java.util.Locale.ROOT),
          "write `" + lower + "(V)`");
    }
    if (text.equals("=") && glued(previous, offending) && previous.getText().equals("=")) {
      return habit(
          AstBuilder.span(previous).to(AstBuilder.span(offending)),
          "`==` is not a Calm operator; equality is a single `=`",
          "write `X = Y`");
    }
    if (text.equals(">") && glued(previous, offending) && previous.getText().equals("<")) {
      return habit(
          AstBuilder.span(previous).to(AstBuilder.span(offending)),
          "`<>` is SQL's 'not equal'; Calm writes `!=`",
          "write `X != Y`");
    }
    if (previous != null && previous.getType() == CalmLexer.IDENT && !text.equals("(")
        && beforePrevious != null && Set.of("(", ",", "=", "!=", "<", "<=", ">", ">=").contains(beforePrevious.getText())
        && !inDeclaration(tokens, at)) {
      String name = previous.getText();
      String variable = Character.toUpperCase(name.charAt(0)) + name.substring(1);
      return habit(
          AstBuilder.span(previous),
          "`" + name + "` starts with a lowercase letter, so it is a name, not a variable: Calm variables start"
              + " with an uppercase letter, as in Prolog and Soufflé",
          "write the variable `" + variable + "`, or the string constant `\"" + name + "\"`");
    }
    if (expectsEnd && previous != null && offending.getLine() > previous.getLine()) {
      String what = itemKind(tokens, at);
      return habit(
          Span.point(AstBuilder.span(previous).endLine(), AstBuilder.span(previous).endColumn()),
          "missing '.' at the end of the " + what + " (the next line starts another item)",
          "every declaration, fact and rule ends with '.', as in Prolog and Datalog, even when the next line starts another");
    }
    return Optional.empty();
  }

  /**
   * {@code 1.5}: the lexer reads an integer, the '.' that ends an item, and another integer. The
   * parser trips over the '.' inside an atom, or, in a comparison, over the fraction after it.
   */
  private static Optional<Habit> decimal(TokenStream tokens, Token offending, Token previous, Token beforePrevious) {
    Token whole;
    Token fraction;
    if (offending.getText().equals(".") && previous != null && previous.getType() == CalmLexer.INTEGER
        && glued(previous, offending)) {
      whole = previous;
      fraction = following(tokens, offending.getTokenIndex());
    } else if (offending.getType() == CalmLexer.INTEGER && previous != null && previous.getText().equals(".")
        && beforePrevious != null && beforePrevious.getType() == CalmLexer.INTEGER && glued(beforePrevious, previous)) {
      whole = beforePrevious;
      fraction = offending;
    } else {
      return Optional.empty();
    }
    Token dot = tokens.get(whole.getTokenIndex() + 1);
    if (fraction == null || fraction.getType() != CalmLexer.INTEGER || !glued(dot, fraction)) {
      return Optional.empty();
    }
    String number = whole.getText() + "." + fraction.getText();
    return habit(
        AstBuilder.span(whole).to(AstBuilder.span(fraction)),
        "`" + number + "` is not a Calm number: numbers are 64-bit integers, there are no decimals",
        "count in a smaller unit (cents, tenths) so that the value is an integer, or keep it as the string `\""
            + number + "\"`");
  }

  /**
   * A '%' where no expression can be (at the start of a line, or after the '.' that ends an item)
   * is a Prolog comment; elsewhere it is the remainder operator.
   */
  static boolean startsPrologComment(Token token, Token previousVisible) {
    return token.getText().equals("%")
        && (previousVisible == null
            || previousVisible.getText().equals(".")
            || previousVisible.getLine() < token.getLine());
  }

  static Habit prologComment(Token percent) {
    return new Habit(
        AstBuilder.span(percent),
        "'%' starts a comment in Prolog, Soufflé and many Datalogs, but not in Calm",
        List.of("comments are `// to the end of the line` and `/* ... */`"));
  }

  /** Whether the token at {@code index} is the fraction of a decimal number such as {@code 1.5}. */
  static boolean isDecimalPoint(TokenStream tokens, int index) {
    if (index <= 0 || index + 1 >= tokens.size()) {
      return false;
    }
    Token dot = tokens.get(index);
    Token before = tokens.get(index - 1);
    Token after = tokens.get(index + 1);
    return dot.getText().equals(".") && before.getType() == CalmLexer.INTEGER && after.getType() == CalmLexer.INTEGER
        && glued(before, dot) && glued(dot, after);
  }

  /** A malformed character that is a habit: {@code !p(X)}, {@code \+ p(X)}, {@code 'text'}. */
  static Optional<Habit> atMalformedCharacter(List<Token> tokens, int index) {
    Token token = tokens.get(index);
    Token after = index + 1 < tokens.size() ? tokens.get(index + 1) : null;
    switch (token.getText()) {
      case "!":
        if (after != null && after.getType() == CalmLexer.IDENT) {
          return habit(
              AstBuilder.span(token),
              "'!' is negation in Soufflé and many Datalogs; Calm writes `not`",
              "write `not " + after.getText() + "(...)`");
        }
        return Optional.empty();
      case "\\":
        if (after != null && after.getText().equals("+") && glued(token, after)) {
          Token atom = index + 2 < tokens.size() ? tokens.get(index + 2) : null;
          String name = atom != null && atom.getType() == CalmLexer.IDENT ? atom.getText() : "p";
          return habit(
              AstBuilder.span(token).to(AstBuilder.span(after)),
              "`\\+` is Prolog's negation; Calm writes `not`",
              "write `not " + name + "(...)`");
        }
        return Optional.empty();
      case "'":
        Token closing = closingQuote(tokens, index);
        if (closing == null) {
          return Optional.empty();
        }
        String inside = token.getInputStream().getText(
            org.antlr.v4.runtime.misc.Interval.of(token.getStopIndex() + 1, closing.getStartIndex() - 1));
        return habit(
            AstBuilder.span(token).to(AstBuilder.span(closing)),
            "strings are written in double quotes in Calm; single quotes are SQL's and Prolog's",
            "write `\"" + inside + "\"`");
      default:
        return Optional.empty();
    }
  }

  /** The {@code '} that closes the one at {@code index}, on the same line; null if there is none. */
  static Token closingQuote(List<Token> tokens, int index) {
    Token opening = tokens.get(index);
    for (int i = index + 1; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.getType() == Token.EOF || t.getLine() != opening.getLine()) {
        return null;
      }
      if (t.getType() == CalmLexer.ERROR_CHAR && t.getText().equals("'")) {
        return t;
      }
    }
    return null;
  }

  private static Optional<Habit> habit(Span span, String message, String help) {
    return Optional.of(new Habit(span, message, List.of(help)));
  }

  private static boolean glued(Token first, Token second) {
    return first != null && second != null && first.getStopIndex() + 1 == second.getStartIndex();
  }

  private static Token previous(TokenStream tokens, int index) {
    for (int i = index - 1; i >= 0; i--) {
      Token t = tokens.get(i);
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        return t;
      }
    }
    return null;
  }

  private static Token following(TokenStream tokens, int index) {
    return index + 1 < tokens.size() ? tokens.get(index + 1) : null;
  }

  /** The first token with this text after {@code index} on the same line, or the token at index. */
  private static Token next(TokenStream tokens, int index, String text) {
    Token start = tokens.get(index);
    for (int i = index; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.getType() == Token.EOF || t.getLine() != start.getLine()) {
        break;
      }
      if (t.getText().equals(text)) {
        return t;
      }
    }
    return start;
  }

  /** The first token of the item that holds the token at {@code index}. */
  private static Token itemStart(TokenStream tokens, int index) {
    Token first = tokens.get(index);
    for (int i = index - 1; i >= 0; i--) {
      Token t = tokens.get(i);
      if (t.getText().equals(".") && !isDecimalPoint(tokens, i)) {
        break;
      }
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        first = t;
      }
    }
    return first;
  }

  private static boolean inDeclaration(TokenStream tokens, int index) {
    int type = itemStart(tokens, index).getType();
    return type == CalmLexer.TABLE || type == CalmLexer.SCRATCH || type == CalmLexer.INPUT
        || type == CalmLexer.CHANNEL || type == CalmLexer.OUTPUT;
  }

  private static String itemKind(TokenStream tokens, int index) {
    Token start = itemStart(tokens, index);
    if (inDeclaration(tokens, index)) {
      return "declaration";
    }
    if (start.getType() == CalmLexer.SEAL) {
      return "seal";
    }
    for (int i = start.getTokenIndex(); i < index; i++) {
      if (tokens.get(i).getText().equals(":-")) {
        return "rule";
      }
    }
    return "fact";
  }
}
