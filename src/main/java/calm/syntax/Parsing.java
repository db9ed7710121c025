package calm.syntax;

import calm.source.Span;
import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.syntax.antlr.CalmLexer;
import calm.syntax.antlr.CalmParser;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.WritableToken;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/** Reads program text into an AST, reporting every lexical and syntax error it can recover from. */
public final class Parsing {
  /** Deeper nesting than this is certainly a generated or hostile file, and would exhaust the stack. */
  public static final int MAX_NESTING = 256;

  /** Past this many errors of one kind, a file is probably not a program at all; more would be noise. */
  static final int MAX_REPORTED = 50;

  private Parsing() {}

  public static ParseResult parse(SourceFile source) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    Optional<List<Item>> streamed = StreamingParse.items(source, diagnostics);
    if (streamed.isPresent()) {
      return new ParseResult(Optional.of(new Program(source, streamed.get())), diagnostics);
    }
    return parseCarefully(source);
  }

  /** Reads a file that has some problem, finding all of them. */
  private static ParseResult parseCarefully(SourceFile source) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    CalmLexer lexer = new CalmLexer(TextStream.of(source.text(), 0, source.text().length(), source.displayPath()));
    lexer.removeErrorListeners();
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    tokens.fill();
    List<Token> all = tokens.getTokens();
    if (!checkNesting(all, diagnostics)) {
      return new ParseResult(Optional.empty(), diagnostics);
    }
    BitSet taintedItems = hideMalformedTokens(all, diagnostics);
    tokens.seek(0);
    List<Item> items = parseTwoStage(source, tokens, itemIndices(all), taintedItems, diagnostics);
    if (items == null || !taintedItems.isEmpty()) {
      return new ParseResult(Optional.empty(), diagnostics);
    }
    return new ParseResult(Optional.of(new Program(source, items)), diagnostics);
  }

  /**
   * SLL prediction is much faster and suffices for almost every file; only a file it rejects is parsed
   * again with full LL, which also produces the messages. Items are parsed and turned into AST one at
   * a time, so that only one item's parse tree is alive at once (a file of a million rules would
   * otherwise hold tens of millions of tree nodes). Returns null when the file has syntax errors.
   */
  private static List<Item> parseTwoStage(
      SourceFile source,
      CommonTokenStream tokens,
      int[] itemOf,
      BitSet taintedItems,
      List<Diagnostic> diagnostics) {
    CalmParser parser = new CalmParser(tokens);
    parser.removeErrorListeners();
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BailErrorStrategy());
    List<Diagnostic> builderDiagnostics = new ArrayList<>();
    AstBuilder builder = new AstBuilder(source, builderDiagnostics);
    List<Item> items = new ArrayList<>();
    try {
      while (tokens.LA(1) != Token.EOF) {
        builder.buildItem(parser.item()).ifPresent(items::add);
      }
      diagnostics.addAll(builderDiagnostics);
      return items;
    } catch (ParseCancellationException fallThrough) {
      diagnostics.addAll(reportSyntaxErrors(tokens, parser, itemOf, taintedItems));
      return null;
    }
  }

  /**
   * Parses the file item by item with full LL prediction, reporting the first syntax error of each
   * item and resuming after its closing '.', so that one mistake gives one message rather than a
   * cascade, and every broken item of the file is reported.
   */
  private static List<Diagnostic> reportSyntaxErrors(
      CommonTokenStream tokens, CalmParser parser, int[] itemOf, BitSet taintedItems) {
    tokens.seek(0);
    parser.reset();
    parser.setBuildParseTree(false);
    parser.getInterpreter().setPredictionMode(PredictionMode.LL);
    StopAtFirstError strategy = new StopAtFirstError();
    parser.setErrorHandler(strategy);
    SyntaxErrorCollector collector = new SyntaxErrorCollector(itemOf, taintedItems);
    parser.addErrorListener(collector);
    try {
      while (tokens.LA(1) != Token.EOF) {
        int start = tokens.index();
        try {
          parser.item();
        } catch (ParseCancellationException itemFailed) {
          strategy.reset(parser);
          resynchronize(tokens, start);
        }
      }
    } catch (TooManyErrors stop) {
      Diagnostic last = collector.diagnostics.get(collector.diagnostics.size() - 1);
      collector.diagnostics.add(
          Diagnostic.of(
              Code.SYNTAX_ERROR,
              last.span(),
              "too many syntax errors; stopped after " + MAX_REPORTED + " (is this a Calm program?)"));
    }
    return collector.diagnostics;
  }

  /**
   * Skips to just after the next '.', unless the offending token plainly starts a new item (a
   * declaration keyword, or a token at the start of a line after a missing '.').
   */
  private static void resynchronize(CommonTokenStream tokens, int itemStart) {
    Token offending = tokens.LT(1);
    boolean startsItem =
        tokens.index() > itemStart
            && (isItemKeyword(offending.getType())
                || (offending.getCharPositionInLine() == 0 && offending.getType() != CalmLexer.EOF));
    if (startsItem) {
      return;
    }
    if (tokens.index() == itemStart && !".".equals(offending.getText())) {
      tokens.consume(); // always make progress
    }
    // the '.' of a decimal number such as 1.5 does not end the item
    while (tokens.LA(1) != Token.EOF
        && (!".".equals(tokens.LT(1).getText()) || SyntaxHabits.isDecimalPoint(tokens, tokens.index()))) {
      tokens.consume();
    }
    if (tokens.LA(1) != Token.EOF) {
      tokens.consume();
    }
  }

  private static boolean isItemKeyword(int type) {
    return type == CalmLexer.TABLE
        || type == CalmLexer.SCRATCH
        || type == CalmLexer.INPUT
        || type == CalmLexer.CHANNEL
        || type == CalmLexer.OUTPUT
        || type == CalmLexer.EXTERN
        || type == CalmLexer.SEAL;
  }

  /**
   * Reports a syntax error once, then abandons the item: ANTLR's own single-token repairs would
   * happily read on across a '.', blaming the next item for the previous one's mistake.
   */
  private static final class StopAtFirstError extends DefaultErrorStrategy {
    @Override
    public void recover(Parser recognizer, RecognitionException e) {
      throw new ParseCancellationException(e);
    }

    @Override
    public Token recoverInline(Parser recognizer) {
      throw new InputMismatchException(recognizer);
    }

    /** Says what was expected, which ANTLR's "no viable alternative" does not. */
    @Override
    protected void reportNoViableAlternative(Parser recognizer, NoViableAltException e) {
      String expected = e.getExpectedTokens().toString(recognizer.getVocabulary());
      recognizer.notifyErrorListeners(
          e.getOffendingToken(),
          "mismatched input " + getTokenErrorDisplay(e.getOffendingToken()) + " expecting " + expected,
          e);
    }

    @Override
    public void sync(Parser recognizer) {
      // Decisions report their own errors; no resynchronisation inside an item.
    }
  }

  /** Thrown by the collector when a file has more errors than are worth reading. */
  private static final class TooManyErrors extends RuntimeException {
    TooManyErrors() {
      super(null, null, false, false);
    }
  }

  /** For each token, the number of '.' before it: which item of the file it belongs to. */
  private static int[] itemIndices(List<Token> tokens) {
    int[] itemOf = new int[tokens.size()];
    int item = 0;
    for (int i = 0; i < tokens.size(); i++) {
      itemOf[i] = item;
      if (".".equals(tokens.get(i).getText())) {
        item++;
      }
    }
    return itemOf;
  }

  /**
   * Reports malformed tokens and moves them off the parser's channel, so that the rest of the file is
   * still parsed for syntax errors. Returns the items (see {@link #itemIndices}) that hold one.
   */
  private static BitSet hideMalformedTokens(List<Token> tokens, List<Diagnostic> diagnostics) {
    BitSet tainted = new BitSet();
    int item = 0;
    int reported = 0;
    Token closingQuote = null;
    Token previousVisible = null;
    for (int index = 0; index < tokens.size(); index++) {
      Token token = tokens.get(index);
      if (SyntaxHabits.startsPrologComment(token, previousVisible)) {
        // the rest of the line is the comment: one message, and none for what the comment says
        tainted.set(item);
        if (++reported <= MAX_REPORTED) {
          SyntaxHabits.Habit comment = SyntaxHabits.prologComment(token);
          diagnostics.add(
              Diagnostic.of(Code.LEXICAL_ERROR, comment.span(), comment.message())
                  .withHelp(comment.help().toArray(String[]::new)));
        }
        int line = token.getLine();
        for (; index < tokens.size() && tokens.get(index).getType() != Token.EOF
            && tokens.get(index).getLine() == line; index++) {
          ((WritableToken) tokens.get(index)).setChannel(Token.HIDDEN_CHANNEL);
          if (".".equals(tokens.get(index).getText())) {
            item++;
          }
        }
        index--;
        continue;
      }
      Optional<SyntaxHabits.Habit> habit =
          token.getType() == CalmLexer.ERROR_CHAR && token != closingQuote
              ? SyntaxHabits.atMalformedCharacter(tokens, index)
              : Optional.empty();
      if (habit.isPresent() && token.getText().equals("'")) {
        closingQuote = SyntaxHabits.closingQuote(tokens, index);
      }
      String message =
          token == closingQuote
              ? null
              : switch (token.getType()) {
            case CalmLexer.UNTERMINATED_STRING -> token.getText().length() > 1
                    && token.getText().endsWith("\"")
                ? "invalid escape in string literal; the escapes are \\\" \\\\ \\n \\t"
                : "unterminated string literal";
            case CalmLexer.UNTERMINATED_COMMENT -> "unterminated block comment: '/*' without '*/'";
            case CalmLexer.ERROR_CHAR -> "unexpected character " + describe(token.getText());
            default -> null;
          };
      if (token == closingQuote) {
        tainted.set(item);
        ((WritableToken) token).setChannel(Token.HIDDEN_CHANNEL);
      } else if (message != null) {
        tainted.set(item);
        ((WritableToken) token).setChannel(Token.HIDDEN_CHANNEL);
        if (++reported <= MAX_REPORTED) {
          Span span = AstBuilder.span(token);
          if (token.getType() == CalmLexer.UNTERMINATED_COMMENT) {
            span = Span.of(span.line(), span.column(), span.line(), span.column() + 2);
          }
          diagnostics.add(
              habit.isPresent()
                  ? Diagnostic.of(Code.LEXICAL_ERROR, habit.get().span(), habit.get().message())
                      .withHelp(habit.get().help().toArray(String[]::new))
                  : Diagnostic.of(Code.LEXICAL_ERROR, span, message));
        } else if (reported == MAX_REPORTED + 1) {
          diagnostics.add(
              Diagnostic.of(
                  Code.LEXICAL_ERROR,
                  AstBuilder.span(token),
                  "too many malformed characters; the rest are not reported (is this a Calm program?)"));
        }
      }
      if (".".equals(token.getText())) {
        item++;
      }
      if (token.getChannel() == Token.DEFAULT_CHANNEL) {
        previousVisible = token;
      }
    }
    return tainted;
  }

  private static String describe(String text) {
    int cp = text.codePointAt(0);
    if (cp < 0x20 || cp == 0x7f) {
      return String.format("U+%04X (a control character)", cp);
    }
    return "'" + text + "'" + (cp > 0x7e ? String.format(" (U+%04X)", cp) : "");
  }

  private static boolean checkNesting(List<Token> tokens, List<Diagnostic> diagnostics) {
    NestingGauge nesting = new NestingGauge();
    for (Token token : tokens) {
      if (token.getChannel() == Token.DEFAULT_CHANNEL && nesting.tooDeep(token)) {
        diagnostics.add(
            Diagnostic.of(Code.NESTING_TOO_DEEP, AstBuilder.span(token), NestingGauge.message(token))
                .withHelp("split the expression with intermediate variables: Y = ..., Z = Y * ..."));
        return false;
      }
    }
    return true;
  }

  /** Where something missing belongs: right after the token before the offending one. */
  private static Span afterPreviousToken(Recognizer<?, ?> recognizer, Object offending, Span fallback) {
    if (!(offending instanceof Token token) || !(recognizer.getInputStream() instanceof TokenStream stream)) {
      return fallback;
    }
    for (int i = token.getTokenIndex() - 1; i >= 0; i--) {
      Token previous = stream.get(i);
      if (previous.getChannel() == Token.DEFAULT_CHANNEL) {
        Span end = AstBuilder.span(previous);
        return Span.point(end.endLine(), end.endColumn());
      }
    }
    return fallback;
  }

  private static final class SyntaxErrorCollector extends BaseErrorListener {
    final List<Diagnostic> diagnostics = new ArrayList<>();
    private final int[] itemOf;
    private final BitSet taintedItems;
    int suppressed;

    SyntaxErrorCollector(int[] itemOf, BitSet taintedItems) {
      this.itemOf = itemOf;
      this.taintedItems = taintedItems;
    }

    @Override
    public void syntaxError(
        Recognizer<?, ?> recognizer,
        Object offendingSymbol,
        int line,
        int charPositionInLine,
        String msg,
        RecognitionException e) {
      if (offendingSymbol instanceof Token token
          && token.getTokenIndex() >= 0
          && token.getTokenIndex() < itemOf.length
          && taintedItems.get(itemOf[token.getTokenIndex()])) {
        suppressed++;
        return;
      }
      Span span =
          offendingSymbol instanceof Token token && token.getType() != Token.EOF
              ? AstBuilder.span(token)
              : Span.point(line, charPositionInLine + 1);
      // Something missing at the end of a line belongs after its last token, not on the next line.
      Span after = afterPreviousToken(recognizer, offendingSymbol, span);
      if (msg.startsWith("missing ") || after.line() < span.line()) {
        span = after;
      }
      Optional<SyntaxHabits.Habit> habit =
          offendingSymbol instanceof Token token && recognizer.getInputStream() instanceof TokenStream stream
              ? SyntaxHabits.atSyntaxError(stream, token, msg.contains("'.'"))
              : Optional.empty();
      diagnostics.add(
          habit.isPresent()
              ? Diagnostic.of(Code.SYNTAX_ERROR, habit.get().span(), habit.get().message())
                  .withHelp(habit.get().help().toArray(String[]::new))
              : Diagnostic.of(Code.SYNTAX_ERROR, span, SyntaxMessages.rephrase(msg)));
      if (diagnostics.size() >= MAX_REPORTED) {
        throw new TooManyErrors();
      }
    }
  }
}
