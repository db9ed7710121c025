// FROM THE LEAD (read NOTE-FROM-LEAD.md): the developers guide forbids a home-made parser; this class will NOT be merged. Revert it and speed up the ANTLR path instead.
package calm.syntax;

import calm.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fastest path, for text without any problem: a hand-written reader of the grammar in
 * {@code grammar/Calm.g4} that turns characters straight into the AST, with no token objects, no
 * parse trees and no prediction. It accepts a subset of what the ANTLR parser accepts and builds
 * exactly the AST that {@link AstBuilder} builds from it (a test compares the two on every program
 * of the project): whatever it does not expect, be it a syntax error, something the builder would
 * report (an unknown aggregate, a fact that is not ground, an integer out of range), deep nesting or
 * characters outside the Basic Multilingual Plane, makes it give up, and the ANTLR paths read the
 * text instead and say what is wrong. ANTLR's lexer and parser cost most of a large check's CPU.
 */
final class DirectParse {
  // token types
  private static final int EOF = 0;
  private static final int IDENT = 1;
  private static final int VARIABLE = 2;
  private static final int INTEGER = 3;
  private static final int STRING = 4;
  private static final int LPAREN = 5;
  private static final int RPAREN = 6;
  private static final int COMMA = 7;
  private static final int DOT = 8;
  private static final int COLON = 9;
  private static final int TURNSTILE = 10;
  private static final int ARROW = 11;
  private static final int AT = 12;
  private static final int UNDERSCORE = 13;
  private static final int EQ = 14;
  private static final int NE = 15;
  private static final int LT = 16;
  private static final int LE = 17;
  private static final int GT = 18;
  private static final int GE = 19;
  private static final int PLUS = 20;
  private static final int MINUS = 21;
  private static final int STAR = 22;
  private static final int SLASH = 23;
  private static final int PERCENT = 24;
  private static final int TABLE = 30;
  private static final int SCRATCH = 31;
  private static final int INPUT = 32;
  private static final int CHANNEL = 33;
  private static final int OUTPUT = 34;
  private static final int EXTERN = 35;
  private static final int DELETE = 36;
  private static final int NOT = 37;
  private static final int SEAL = 38;
  private static final int BY = 39;
  private static final int INT_TYPE = 40;
  private static final int STRING_TYPE = 41;

  /**
   * Operators and parentheses one item may hold before the reader leaves it to the ANTLR paths,
   * which measure nesting exactly ({@link NestingGauge}); far below {@link Parsing#MAX_NESTING}, so
   * that anything the gauge would refuse is never accepted here.
   */
  private static final int MAX_OPERATORS_PER_ITEM = 64;

  private final String text;
  private final Map<String, String> names;

  // the current token
  private int type;
  private int start;
  private int end;
  private int line;
  private int column; // 1-based
  // the end of the last token consumed: where a construct that ends with it ends
  private int lastLine;
  private int lastEndColumn;

  // the lexer's position
  private int pos;
  private int posLine;
  private int lineStart; // offset of the current line's first character

  private int operators;

  private String[] seen = new String[1024];
  private int seenCount;

  private DirectParse(String text, int firstLine, Map<String, String> names) {
    this.text = text;
    this.names = names;
    this.posLine = firstLine;
  }

  /** The items of {@code text} (whose first line is {@code firstLine}), or empty to use ANTLR. */
  static Optional<List<Item>> items(String text, int firstLine, Map<String, String> names) {
    DirectParse parse = new DirectParse(text, firstLine, names);
    try {
      parse.advance();
      List<Item> items = new ArrayList<>();
      while (parse.type != EOF) {
        parse.operators = 0;
        items.add(parse.item());
      }
      return Optional.of(items);
    } catch (GiveUp unexpected) {
      return Optional.empty();
    }
  }

  // ---- items

  private Item item() {
    switch (type) {
      case TABLE, SCRATCH, INPUT, CHANNEL, OUTPUT, EXTERN:
        return declaration();
      case SEAL:
        return seal();
      default:
        break;
    }
    int startLine = line;
    int startColumn = column;
    Optional<Annotation> annotation = Optional.empty();
    if (type == AT) {
      Annotation parsed = annotation();
      if (type == TURNSTILE) {
        return constraint(startLine, startColumn, parsed);
      }
      if (!parsed.name().text().equals("coordinated")) {
        throw GIVE_UP;
      }
      annotation = Optional.of(parsed);
    } else if (type == TURNSTILE) {
      return constraint(startLine, startColumn, null);
    }
    Head head = head();
    if (type == DOT) {
      expect(DOT);
      return fact(startLine, startColumn, annotation, head);
    }
    expect(TURNSTILE);
    List<Literal> body = body();
    expect(DOT);
    return new Rule(spanFrom(startLine, startColumn), annotation, head, body);
  }

  private Declaration declaration() {
    int startLine = line;
    int startColumn = column;
    boolean output = false;
    boolean extern = false;
    if (type == OUTPUT) {
      output = true;
      advance();
      if (type == EXTERN) {
        extern = true;
        advance();
      }
    } else if (type == EXTERN) {
      extern = true;
      advance();
      if (type == OUTPUT) {
        output = true;
        advance();
      }
    }
    RelationKind kind =
        switch (type) {
          case TABLE -> RelationKind.TABLE;
          case SCRATCH -> RelationKind.SCRATCH;
          case INPUT -> RelationKind.INPUT;
          case CHANNEL -> RelationKind.CHANNEL;
          default -> throw GIVE_UP;
        };
    advance();
    Name name = name();
    expect(LPAREN);
    List<Column> columns = new ArrayList<>();
    int keyColumns = -1;
    if (type != RPAREN) {
      if (type == ARROW) {
        keyColumns = 0;
        advance();
      }
      columns.add(column());
      while (type == COMMA || (type == ARROW && keyColumns < 0)) {
        if (type == ARROW) {
          keyColumns = columns.size();
        }
        advance();
        columns.add(column());
      }
    }
    expect(RPAREN);
    expect(DOT);
    return new Declaration(spanFrom(startLine, startColumn), output, kind, name, columns, extern, keyColumns);
  }

  private Column column() {
    int startLine = line;
    int startColumn = column;
    boolean location = false;
    if (type == AT) {
      location = true;
      advance();
    }
    Name name = name();
    expect(COLON);
    if (type == INT_TYPE || type == STRING_TYPE) {
      Type columnType = type == INT_TYPE ? Type.INT : Type.STRING;
      advance();
      return new Column(spanFrom(startLine, startColumn), name, columnType, location);
    }
    if (type != IDENT) {
      throw GIVE_UP;
    }
    Lattice lattice;
    if (isText("max")) {
      lattice = Lattice.MAX;
    } else if (isText("min")) {
      lattice = Lattice.MIN;
    } else {
      throw GIVE_UP;
    }
    advance();
    expect(LT);
    if (type != INT_TYPE && type != STRING_TYPE) {
      throw GIVE_UP;
    }
    Type base = type == INT_TYPE ? Type.INT : Type.STRING;
    advance();
    expect(GT);
    return new Column(spanFrom(startLine, startColumn), name, base, location, lattice);
  }

  private Seal seal() {
    int startLine = line;
    int startColumn = column;
    advance();
    Atom sealed = atom();
    expect(BY);
    Atom guard = atom();
    expect(DOT);
    return new Seal(spanFrom(startLine, startColumn), sealed, guard);
  }

  private Constraint constraint(int startLine, int startColumn, Annotation invariant) {
    if (invariant != null
        && (!invariant.name().text().equals("invariant") || invariant.reason().isBlank())) {
      throw GIVE_UP;
    }
    Span turnstile = tokenSpan();
    expect(TURNSTILE);
    List<Literal> body = body();
    expect(DOT);
    return new Constraint(
        spanFrom(startLine, startColumn), Optional.ofNullable(invariant), turnstile, body);
  }

  /** {@code @name("string")}, the only form the builder accepts; its name is judged by the caller. */
  private Annotation annotation() {
    int startLine = line;
    int startColumn = column;
    Span at = tokenSpan();
    advance();
    if (type != IDENT) {
      throw GIVE_UP;
    }
    String name = names();
    Span nameSpan = at.to(tokenSpan());
    advance();
    expect(LPAREN);
    if (type != STRING) {
      throw GIVE_UP;
    }
    Span reasonSpan = tokenSpan();
    String reason = unquote();
    advance();
    expect(RPAREN);
    return new Annotation(spanFrom(startLine, startColumn), new Name(name, nameSpan), reason, reasonSpan);
  }

  private Fact fact(int startLine, int startColumn, Optional<Annotation> annotation, Head head) {
    if (annotation.isPresent() || head.form() != HeadForm.SAME_TICK) {
      throw GIVE_UP;
    }
    List<Term> arguments = head.atom().arguments();
    List<Constant> values = new ArrayList<>(arguments.size());
    for (Term term : arguments) {
      if (!(term instanceof Constant constant)) {
        throw GIVE_UP;
      }
      values.add(constant);
    }
    return new Fact(spanFrom(startLine, startColumn), head.atom().relation(), values);
  }

  private Head head() {
    int startLine = line;
    int startColumn = column;
    boolean delete = false;
    if (type == DELETE) {
      delete = true;
      advance();
    }
    Atom atom = atom();
    HeadForm form = delete ? HeadForm.DELETE : HeadForm.SAME_TICK;
    if (type == AT) {
      if (delete) {
        throw GIVE_UP;
      }
      advance();
      if (type != IDENT) {
        throw GIVE_UP;
      }
      if (isText("next")) {
        form = HeadForm.NEXT;
      } else if (isText("async")) {
        form = HeadForm.ASYNC;
      } else if (isText("update")) {
        form = HeadForm.UPDATE;
      } else {
        throw GIVE_UP;
      }
      advance();
    }
    return new Head(spanFrom(startLine, startColumn), form, atom);
  }

  private List<Literal> body() {
    List<Literal> body = new ArrayList<>(4);
    body.add(literal());
    while (type == COMMA) {
      advance();
      body.add(literal());
    }
    return body;
  }

  private Literal literal() {
    if (type == NOT) {
      int startLine = line;
      int startColumn = column;
      advance();
      Atom atom = atom();
      return new NegatedLiteral(spanFrom(startLine, startColumn), atom);
    }
    if (type == IDENT) {
      return new PositiveLiteral(atom());
    }
    countOperator(); // a comparison starts a new operand in the gauge; counting it errs on the safe side
    int startLine = line;
    int startColumn = column;
    Expr left = expr(0);
    ComparisonOperator operator =
        switch (type) {
          case EQ -> ComparisonOperator.EQ;
          case NE -> ComparisonOperator.NE;
          case LT -> ComparisonOperator.LT;
          case LE -> ComparisonOperator.LE;
          case GT -> ComparisonOperator.GT;
          case GE -> ComparisonOperator.GE;
          default -> throw GIVE_UP;
        };
    advance();
    Expr right = expr(0);
    return new Comparison(spanFrom(startLine, startColumn), left, operator, right);
  }

  private Atom atom() {
    int startLine = line;
    int startColumn = column;
    Name relation = name();
    expect(LPAREN);
    List<Term> arguments = List.of();
    if (type != RPAREN) {
      Term first = argument();
      if (type == RPAREN) {
        arguments = List.of(first);
      } else {
        List<Term> terms = new ArrayList<>(4);
        terms.add(first);
        while (type == COMMA) {
          advance();
          terms.add(argument());
        }
        arguments = List.copyOf(terms);
      }
    }
    expect(RPAREN);
    return new Atom(spanFrom(startLine, startColumn), relation, arguments);
  }

  private Term argument() {
    if (type != IDENT) {
      return expr(0);
    }
    int startLine = line;
    int startColumn = column;
    AggregateFunction function;
    if (isText("count")) {
      function = AggregateFunction.COUNT;
    } else if (isText("sum")) {
      function = AggregateFunction.SUM;
    } else if (isText("min")) {
      function = AggregateFunction.MIN;
    } else if (isText("max")) {
      function = AggregateFunction.MAX;
    } else {
      throw GIVE_UP;
    }
    Span functionSpan = tokenSpan();
    advance();
    expect(LPAREN);
    Expr argument = expr(0);
    expect(RPAREN);
    return new Aggregate(spanFrom(startLine, startColumn), function, functionSpan, argument);
  }

  // ---- expressions: ANTLR's precedence climbing for `expr` (negation binds tightest, then * / %,
  // then + -, all left-associative); a parenthesized expression is its inner expression, but the
  // construct around it spans the parentheses

  /** Binary operators of at least {@code minLevel} (0: all, 1: only * / %). */
  private Expr expr(int minLevel) {
    int startLine = line;
    int startColumn = column;
    Expr left = primary();
    while (true) {
      ArithmeticOperator operator;
      int level;
      switch (type) {
        case STAR -> { operator = ArithmeticOperator.MULTIPLY; level = 1; }
        case SLASH -> { operator = ArithmeticOperator.DIVIDE; level = 1; }
        case PERCENT -> { operator = ArithmeticOperator.REMAINDER; level = 1; }
        case PLUS -> { operator = ArithmeticOperator.ADD; level = 0; }
        case MINUS -> { operator = ArithmeticOperator.SUBTRACT; level = 0; }
        default -> { return left; }
      }
      if (level < minLevel) {
        return left;
      }
      countOperator();
      advance();
      Expr right = level == 1 ? primary() : expr(1);
      left = new BinaryExpr(spanFrom(startLine, startColumn), left, operator, right);
    }
  }

  private Expr primary() {
    int startLine = line;
    int startColumn = column;
    switch (type) {
      case VARIABLE -> {
        Span span = tokenSpan();
        String name = names();
        advance();
        return new Variable(span, name);
      }
      case UNDERSCORE -> {
        Span span = tokenSpan();
        advance();
        return new Wildcard(span);
      }
      case INTEGER -> {
        Span span = tokenSpan();
        long value = integer(false);
        advance();
        return new IntConstant(span, value);
      }
      case STRING -> {
        Span span = tokenSpan();
        String value = unquote();
        advance();
        return new StringConstant(span, value);
      }
      case LPAREN -> {
        countOperator();
        advance();
        Expr inner = expr(0);
        expect(RPAREN);
        return inner;
      }
      case MINUS -> {
        countOperator();
        advance();
        if (type == INTEGER) {
          long value = integer(true);
          advance();
          return new IntConstant(spanFrom(startLine, startColumn), value);
        }
        Expr operand = primary();
        return new Negation(spanFrom(startLine, startColumn), operand);
      }
      default -> throw GIVE_UP;
    }
  }

  private long integer(boolean negative) {
    long value = 0;
    // accumulated negatively, so that Long.MIN_VALUE fits
    for (int i = start; i < end; i++) {
      int digit = text.charAt(i) - '0';
      if (value < (Long.MIN_VALUE + digit) / 10) {
        throw GIVE_UP; // out of range: the builder says so
      }
      value = value * 10 - digit;
    }
    if (negative) {
      return value;
    }
    if (value == Long.MIN_VALUE) {
      throw GIVE_UP;
    }
    return -value;
  }

  private void countOperator() {
    if (++operators > MAX_OPERATORS_PER_ITEM) {
      throw GIVE_UP;
    }
  }

  // ---- tokens

  private Name name() {
    if (type != IDENT) {
      throw GIVE_UP;
    }
    Name name = new Name(names(), tokenSpan());
    advance();
    return name;
  }

  /**
   * The current token's text, one String per distinct name (see AstBuilder#canonical). A table of
   * its own, probed with the characters in place, answers most lookups without a substring or a
   * visit to the map the two halves of a file share.
   */
  private String names() {
    int hash = 0;
    for (int i = start; i < end; i++) {
      hash = 31 * hash + text.charAt(i);
    }
    int mask = seen.length - 1;
    int length = end - start;
    for (int slot = (hash ^ (hash >>> 16)) & mask; ; slot = (slot + 1) & mask) {
      String known = seen[slot];
      if (known == null) {
        String fresh = this.text.substring(start, end);
        String shared = names.putIfAbsent(fresh, fresh);
        String name = shared == null ? fresh : shared;
        seen[slot] = name;
        if (++seenCount * 2 > seen.length) {
          grow();
        }
        return name;
      }
      if (known.length() == length && text.startsWith(known, start)) {
        return known;
      }
    }
  }

  private void grow() {
    String[] old = seen;
    seen = new String[old.length * 2];
    int mask = seen.length - 1;
    for (String name : old) {
      if (name != null) {
        int hash = name.hashCode();
        int slot = (hash ^ (hash >>> 16)) & mask;
        while (seen[slot] != null) {
          slot = (slot + 1) & mask;
        }
        seen[slot] = name;
      }
    }
  }

  private boolean isText(String expected) {
    return end - start == expected.length() && text.startsWith(expected, start);
  }

  private String unquote() {
    return StringLiterals.unquote(text.substring(start, end));
  }

  private Span tokenSpan() {
    return Span.of(line, column, line, column + (end - start));
  }

  /** From a construct's first token to the last token consumed. */
  private Span spanFrom(int startLine, int startColumn) {
    return Span.of(startLine, startColumn, lastLine, lastEndColumn);
  }

  private void expect(int expected) {
    if (type != expected) {
      throw GIVE_UP;
    }
    advance();
  }

  /** Consumes the current token and reads the next one. */
  private void advance() {
    lastLine = line;
    lastEndColumn = column + (end - start);
    skipSpaceAndComments();
    line = posLine;
    column = pos - lineStart + 1;
    start = pos;
    if (pos >= text.length()) {
      type = EOF;
      end = pos;
      return;
    }
    char c = text.charAt(pos);
    if (c >= 'a' && c <= 'z') {
      pos = wordEnd(pos + 1);
      type = keyword();
    } else if (c >= 'A' && c <= 'Z') {
      pos = wordEnd(pos + 1);
      type = VARIABLE;
    } else if (c >= '0' && c <= '9') {
      int i = pos + 1;
      while (i < text.length() && isDigit(text.charAt(i))) {
        i++;
      }
      pos = i;
      type = INTEGER;
    } else if (c == '"') {
      pos = stringEnd(pos + 1);
      type = STRING;
    } else {
      type = punctuation(c);
    }
    end = pos;
  }

  private int punctuation(char c) {
    char next = pos + 1 < text.length() ? text.charAt(pos + 1) : '\0';
    int width = 1;
    int found;
    switch (c) {
      case '(' -> found = LPAREN;
      case ')' -> found = RPAREN;
      case ',' -> found = COMMA;
      case '.' -> found = DOT;
      case '@' -> found = AT;
      case '_' -> found = UNDERSCORE;
      case '+' -> found = PLUS;
      case '-' -> found = MINUS;
      case '*' -> found = STAR;
      case '/' -> found = SLASH; // comments were skipped before
      case '%' -> found = PERCENT;
      case ':' -> {
        found = next == '-' ? TURNSTILE : COLON;
        width = next == '-' ? 2 : 1;
      }
      case '=' -> {
        found = next == '>' ? ARROW : EQ;
        width = next == '>' ? 2 : 1;
      }
      case '<' -> {
        found = next == '=' ? LE : LT;
        width = next == '=' ? 2 : 1;
      }
      case '>' -> {
        found = next == '=' ? GE : GT;
        width = next == '=' ? 2 : 1;
      }
      case '!' -> {
        if (next != '=') {
          throw GIVE_UP;
        }
        found = NE;
        width = 2;
      }
      default -> throw GIVE_UP;
    }
    pos += width;
    return found;
  }

  private int wordEnd(int i) {
    while (i < text.length()) {
      char c = text.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_') {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** After the opening quote; gives up on anything but a string the lexer's STRING rule matches. */
  private int stringEnd(int i) {
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\') {
        char next = i + 1 < text.length() ? text.charAt(i + 1) : '\0';
        if (next != '"' && next != '\\' && next != 'n' && next != 't') {
          throw GIVE_UP;
        }
        i += 2;
      } else if (c == '\n' || c == '\r' || Character.isSurrogate(c)) {
        throw GIVE_UP; // columns count code points in ANTLR
      } else {
        i++;
      }
    }
    throw GIVE_UP;
  }

  private int keyword() {
    int length = pos - start;
    return switch (length) {
      case 2 -> isWord("by") ? BY : IDENT;
      case 3 -> isWord("not") ? NOT : isWord("int") ? INT_TYPE : IDENT;
      case 4 -> isWord("seal") ? SEAL : IDENT;
      case 5 -> isWord("table") ? TABLE : isWord("input") ? INPUT : IDENT;
      case 6 ->
          isWord("output") ? OUTPUT
              : isWord("extern") ? EXTERN
              : isWord("delete") ? DELETE
              : isWord("string") ? STRING_TYPE
              : IDENT;
      case 7 -> isWord("scratch") ? SCRATCH : isWord("channel") ? CHANNEL : IDENT;
      default -> IDENT;
    };
  }

  private boolean isWord(String word) {
    return text.startsWith(word, start);
  }

  private void skipSpaceAndComments() {
    int i = pos;
    int length = text.length();
    while (i < length) {
      char c = text.charAt(i);
      if (c == '\n') {
        i++;
        posLine++;
        lineStart = i;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u00A0' || c == '\uFEFF') {
        i++;
      } else if (c == '/' && i + 1 < length && text.charAt(i + 1) == '/') {
        i += 2;
        while (i < length && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
          if (Character.isSurrogate(text.charAt(i))) {
            throw GIVE_UP;
          }
          i++;
        }
      } else if (c == '/' && i + 1 < length && text.charAt(i + 1) == '*') {
        int close = text.indexOf("*/", i + 2);
        if (close < 0) {
          throw GIVE_UP;
        }
        for (int j = i + 2; j < close; j++) {
          char inside = text.charAt(j);
          if (inside == '\n') {
            posLine++;
            lineStart = j + 1;
          } else if (Character.isSurrogate(inside)) {
            throw GIVE_UP;
          }
        }
        i = close + 2;
      } else {
        break;
      }
    }
    pos = i;
  }

  private static final GiveUp GIVE_UP = new GiveUp();

  /** Unwinds the reading: the ANTLR paths take over. */
  private static final class GiveUp extends RuntimeException {
    GiveUp() {
      super(null, null, false, false);
    }
  }
}
