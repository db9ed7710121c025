package calm.syntax;

import calm.diagnostics.Diagnostic;
import calm.syntax.antlr.CalmLexer;
import calm.syntax.antlr.CalmParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.UnbufferedTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * The fast path for a file without any problem: tokens stream from the lexer to the parser (SLL
 * prediction, bail out at the first error) and each item becomes AST at once, so neither the tokens
 * nor the parse trees of a large file are ever alive all together. At the first sign of trouble (a
 * malformed token, deep nesting, a syntax error) it gives up, and {@link Parsing} reads the file again
 * the careful way, which reports every problem.
 */
final class StreamingParse {

  private StreamingParse() {}

  /** Below this size a second thread costs more than it saves. */
  private static final int SPLIT_AT_CHARS = 1 << 20;

  /**
   * The items, or empty when the file needs the careful path. A large file is read in two halves
   * side by side, split after a line that ends an item; a split that falls inside a block comment or
   * an item makes one half fail, and then the careful path reads the whole file anyway.
   */
  static Optional<List<Item>> items(SourceFile source, List<Diagnostic> builderDiagnostics) {
    String text = source.text();
    int split = text.length() < SPLIT_AT_CHARS ? -1 : splitPoint(text);
    if (split < 0) {
      return items(source, text, 0, text.length(), 1, LeafToken.FACTORY, builderDiagnostics, new HashMap<>());
    }
    // one String per name across both halves, so that maps keyed by name compare references; sized
    // for about a name per 128 characters (the generated benchmarks have one per 90 to 470), since
    // growing it while both halves add to it was a few per cent of a large parse (JFR: transfers)
    Map<String, String> names = new ConcurrentHashMap<>(text.length() / 128);
    int secondLine = source.lineAt(split);
    List<Diagnostic> secondDiagnostics = new ArrayList<>();
    Object[] second = new Object[1];
    Thread worker =
        new Thread(
            null,
            () ->
                second[0] =
                    items(source, text, split, text.length(), secondLine, LeafToken.SECOND_FACTORY, secondDiagnostics, names),
            "calm-parse",
            64L * 1024 * 1024);
    worker.start();
    Optional<List<Item>> first =
        items(source, text, 0, split, 1, LeafToken.FACTORY, builderDiagnostics, names);
    try {
      worker.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    Optional<List<Item>> rest = (Optional<List<Item>>) second[0];
    if (first.isEmpty() || rest == null || rest.isEmpty()) {
      builderDiagnostics.clear();
      return Optional.empty();
    }
    List<Item> all = new ArrayList<>(first.get());
    all.addAll(rest.get());
    builderDiagnostics.addAll(secondDiagnostics);
    return Optional.of(all);
  }

  /** Just after the first line from the middle on that ends with '.', or -1. */
  private static int splitPoint(String text) {
    for (int i = text.length() / 2; i < text.length() - 1; i++) {
      if (text.charAt(i) == '.' && text.charAt(i + 1) == '\n') {
        return i + 2;
      }
    }
    return -1;
  }

  private static Optional<List<Item>> items(
      SourceFile source,
      String text,
      int from,
      int to,
      int firstLine,
      TokenFactory<LeafToken> tokenFactory,
      List<Diagnostic> builderDiagnostics,
      Map<String, String> names) {
    CharStream input = TextStream.of(text, from, to, source.displayPath());
    CalmLexer lexer = new CalmLexer(input);
    lexer.removeErrorListeners();
    lexer.setLine(firstLine);
    lexer.setTokenFactory(tokenFactory);
    // the tokens' indexes count code points: they are the text's chars when the two have one size
    NameTable table = input.size() == to - from ? new NameTable(text, from, names) : null;
    AstBuilder builder = new AstBuilder(source, builderDiagnostics, names, table);
    List<Item> items = new ArrayList<>();
    try {
      // the stream reads its first token at once: a file whose first token is malformed fails here
      UnbufferedTokenStream<LeafToken> tokens = new LeafTokenStream(new CleanTokens(lexer), 256);
      CalmParser parser = LeafToken.parser(tokens);
      parser.removeErrorListeners();
      parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
      parser.setErrorHandler(new BailErrorStrategy());
      while (tokens.LA(1) != Token.EOF) {
        builder.buildItem(parser.item()).ifPresent(items::add);
      }
      return Optional.of(items);
    } catch (ParseCancellationException | Trouble careful) {
      // A syntax error (SLL bails out), a malformed token or too deep a nesting: all of them the
      // careful path reports with a location. Anything else is a bug, and must not be hidden by a
      // second reading that might happen to succeed.
      builderDiagnostics.clear();
      return Optional.empty();
    }
  }

  /**
   * ANTLR's unbuffered stream over {@link LeafToken}s, kept in an array of that class: storing a token
   * in ANTLR's {@code Token[]} and asking whether it is a {@code WritableToken} are two checks against
   * interfaces per token, which on Java 17 walk the token class's list of interfaces whenever the last
   * one asked differs (async-profiler's {@code slow_subtype_check}); against a class they are a
   * comparison.
   */
  private static final class LeafTokenStream extends UnbufferedTokenStream<LeafToken> {
    LeafTokenStream(TokenSource source, int bufferSize) {
      super(source, bufferSize);
      LeafToken[] own = new LeafToken[tokens.length];
      System.arraycopy(tokens, 0, own, 0, n);
      tokens = own;
    }

    @Override
    protected void add(Token t) {
      if (n >= tokens.length) {
        tokens = Arrays.copyOf(tokens, tokens.length * 2);
      }
      LeafToken leaf = (LeafToken) t;
      leaf.setTokenIndex(getBufferStartIndex() + n);
      tokens[n++] = leaf;
    }
  }

  /** Passes the lexer's tokens on, and stops at a malformed one or at too deep a nesting. */
  private static final class CleanTokens implements TokenSource {
    private final CalmLexer lexer;
    private final NestingGauge nesting = new NestingGauge();

    CleanTokens(CalmLexer lexer) {
      this.lexer = lexer;
    }

    @Override
    public Token nextToken() {
      Token token = lexer.nextToken();
      int type = token.getType();
      if (type == CalmLexer.UNTERMINATED_STRING
          || type == CalmLexer.UNTERMINATED_COMMENT
          || type == CalmLexer.ERROR_CHAR) {
        throw new Trouble();
      }
      if (nesting.tooDeep(token)) {
        throw new Trouble();
      }
      return token;
    }

    @Override
    public int getLine() {
      return lexer.getLine();
    }

    @Override
    public int getCharPositionInLine() {
      return lexer.getCharPositionInLine();
    }

    @Override
    public CharStream getInputStream() {
      return lexer.getInputStream();
    }

    @Override
    public String getSourceName() {
      return lexer.getSourceName();
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
      lexer.setTokenFactory(factory);
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
      return lexer.getTokenFactory();
    }
  }

  private static final class Trouble extends RuntimeException {
    Trouble() {
      super(null, null, false, false);
    }
  }
}
