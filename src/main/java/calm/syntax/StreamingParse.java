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
   * About how many characters a part of a large file holds. Two threads take the parts in turn, so
   * that neither waits for the other at the end for longer than a part takes: with the file in two
   * halves, one half often ended 0.3-0.5 s after the other (whichever the compiler and collector
   * threads had taken more of its core from), and the last 0.3-0.5 s of the parse ran on one core.
   */
  static final int PART_CHARS = 1 << 18;

  /**
   * The items, or empty when the file needs the careful path. A large file is read in parts side by
   * side ({@link ItemEnds}); a part that fails makes the careful path read the whole file.
   */
  static Optional<List<Item>> items(SourceFile source, List<Diagnostic> builderDiagnostics) {
    String text = source.text();
    if (text.length() < SPLIT_AT_CHARS) {
      Map<String, String> names = new HashMap<>();
      return items(
          source, text, 0, text.length(), 1, LeafToken.FACTORY, builderDiagnostics, names, new NameTable(text, names));
    }
    return inParts(source, PART_CHARS, builderDiagnostics);
  }

  /** The items of the parts of about {@code partChars} characters, read by two threads, in order. */
  static Optional<List<Item>> inParts(SourceFile source, int partChars, List<Diagnostic> builderDiagnostics) {
    Parts parts = new Parts(source, partChars);
    Thread worker = new Thread(null, () -> parts.read(LeafToken.SECOND_FACTORY), "calm-parse", 64L * 1024 * 1024);
    worker.start();
    parts.read(LeafToken.FACTORY);
    try {
      worker.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    return parts.inOrder(builderDiagnostics);
  }

  /** What the threads share: where the next part starts, and each part's items and diagnostics. */
  private static final class Parts {
    private final SourceFile source;
    private final ItemEnds ends;
    // one String per name across the parts, so that maps keyed by name compare references; sized for
    // about a name per 128 characters (the generated benchmarks have one per 90 to 470), since
    // growing it while both threads add to it was a few per cent of a large parse (JFR: transfers)
    private final Map<String, String> names;
    /** Guarded by this: each part taken, in order, filled in by the thread that read it. */
    private final List<Read> parts = new ArrayList<>();
    private int nextStart;
    private volatile boolean failed;

    Parts(SourceFile source, int partChars) {
      this.source = source;
      this.ends = new ItemEnds(source.text(), partChars);
      this.names = new ConcurrentHashMap<>(source.text().length() / 128);
    }

    /** The next part's number, with its bounds in {@code range}; -1 when none is left or one failed. */
    private synchronized int take(int[] range) {
      if (failed || nextStart >= source.text().length()) {
        return -1;
      }
      range[0] = nextStart;
      range[1] = nextStart = ends.after(nextStart);
      parts.add(null);
      return parts.size() - 1;
    }

    private synchronized void done(int part, List<Item> items, List<Diagnostic> diagnostics) {
      parts.set(part, new Read(items, diagnostics));
    }

    /** Reads parts until none is left or one has failed; each thread with its own token class. */
    void read(TokenFactory<LeafToken> tokenFactory) {
      String text = source.text();
      NameTable table = new NameTable(text, names); // this thread's, across its parts
      int[] range = new int[2];
      try {
        for (int part = take(range); part >= 0; part = take(range)) {
          List<Diagnostic> own = new ArrayList<>();
          Optional<List<Item>> read =
              StreamingParse.items(
                  source, text, range[0], range[1], source.lineAt(range[0]), tokenFactory, own, names, table);
          if (read.isEmpty()) {
            failed = true;
            return;
          }
          done(part, read.get(), own);
        }
      } catch (RuntimeException | Error bug) {
        failed = true; // the other thread stops at its next part, and no part is left unread
        throw bug;
      }
    }

    /** After the threads are done: every part's items in order, or empty when one failed. */
    synchronized Optional<List<Item>> inOrder(List<Diagnostic> builderDiagnostics) {
      if (failed) {
        builderDiagnostics.clear();
        return Optional.empty();
      }
      int total = 0;
      for (Read read : parts) {
        total += read.items().size();
      }
      List<Item> all = new ArrayList<>(total);
      for (Read read : parts) {
        all.addAll(read.items());
        builderDiagnostics.addAll(read.diagnostics());
      }
      return Optional.of(all);
    }

    /** One part's items and what building them reported. */
    private record Read(List<Item> items, List<Diagnostic> diagnostics) {}
  }

  private static Optional<List<Item>> items(
      SourceFile source,
      String text,
      int from,
      int to,
      int firstLine,
      TokenFactory<LeafToken> tokenFactory,
      List<Diagnostic> builderDiagnostics,
      Map<String, String> names,
      NameTable table) {
    CharStream input = TextStream.of(text, from, to, source.displayPath());
    CalmLexer lexer = new CalmLexer(input);
    lexer.removeErrorListeners();
    lexer.setLine(firstLine);
    lexer.setTokenFactory(tokenFactory);
    // the tokens' indexes count code points: they are the text's chars when the two have one size
    NameTable positioned = input.size() == to - from ? table.startingAt(from) : null;
    AstBuilder builder = new AstBuilder(source, builderDiagnostics, names, positioned);
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
