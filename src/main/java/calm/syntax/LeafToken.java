package calm.syntax;

import calm.syntax.antlr.CalmParser;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.Pair;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.ParseTreeVisitor;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.antlr.v4.runtime.tree.Trees;

/**
 * A token that is its own leaf in the parse tree. ANTLR wraps every token it matches in a
 * {@code TerminalNodeImpl} of its own; on a large file that is millions of objects, most of them
 * written to memory the process touches for the first time, only to hold a token and its parent.
 * The lexer makes these tokens ({@link #FACTORY}) and the parser of {@link #parser} puts them in the
 * tree as they are, so a token and its leaf are one object. Everything else about the tree and the
 * tokens is ANTLR's.
 *
 * <p>The parts of a large file are parsed on two threads ({@link StreamingParse}), and each thread
 * makes tokens of a class of its own ({@link #FACTORY}, {@link #SECOND_FACTORY}). ANTLR's runtime
 * asks of every token whether it is a {@code Token}, a {@code WritableToken}, a {@code TerminalNode}
 * (interfaces, all of them), and on Java 17 the JVM remembers the last interface asked about in a
 * field of the token's class: with one class for both threads, each answer overwrote a field the
 * other core had just read, and the two threads' parse took 30-60 % more CPU than the same parse on
 * one core (JDK-8180450; async-profiler's {@code slow_subtype_check} stub, docs/benchmarks.md,
 * "Seventh round").
 */
abstract sealed class LeafToken extends CommonToken implements TerminalNode {
  /** Makes tokens that do not copy their text, like ANTLR's default factory. */
  static final TokenFactory<LeafToken> FACTORY = new Factory(false);

  /** The same, with tokens of another class: for a second thread parsing beside the first. */
  static final TokenFactory<LeafToken> SECOND_FACTORY = new Factory(true);

  /** The factory's tokens. */
  private static final class First extends LeafToken {
    First(Pair<TokenSource, CharStream> source, int type, int channel, int start, int stop) {
      super(source, type, channel, start, stop);
    }

    First(int type, String text) {
      super(type, text);
    }
  }

  /** The second factory's tokens. */
  private static final class Second extends LeafToken {
    Second(Pair<TokenSource, CharStream> source, int type, int channel, int start, int stop) {
      super(source, type, channel, start, stop);
    }

    Second(int type, String text) {
      super(type, text);
    }
  }

  private static final class Factory implements TokenFactory<LeafToken> {
    private final boolean second;

    Factory(boolean second) {
      this.second = second;
    }

    @Override
    public LeafToken create(
        Pair<TokenSource, CharStream> source,
        int type,
        String text,
        int channel,
        int start,
        int stop,
        int line,
        int charPositionInLine) {
      LeafToken token =
          second ? new Second(source, type, channel, start, stop) : new First(source, type, channel, start, stop);
      token.setLine(line);
      token.setCharPositionInLine(charPositionInLine);
      if (text != null) {
        token.setText(text);
      }
      return token;
    }

    @Override
    public LeafToken create(int type, String text) {
      return second ? new Second(type, text) : new First(type, text);
    }
  }

  private ParseTree parent;

  private LeafToken(Pair<TokenSource, CharStream> source, int type, int channel, int start, int stop) {
    super(source, type, channel, start, stop);
  }

  private LeafToken(int type, String text) {
    super(type, text);
  }

  /** A parser that puts the tokens of {@link #FACTORY} in its tree as they are. */
  static CalmParser parser(TokenStream tokens) {
    return new CalmParser(tokens) {
      @Override
      public TerminalNode createTerminalNode(ParserRuleContext parent, Token token) {
        if (token instanceof LeafToken leaf && leaf.parent == null) {
          return leaf;
        }
        return super.createTerminalNode(parent, token);
      }
    };
  }

  @Override
  public Token getSymbol() {
    return this;
  }

  @Override
  public ParseTree getParent() {
    return parent;
  }

  @Override
  public void setParent(RuleContext parent) {
    this.parent = parent;
  }

  @Override
  public Token getPayload() {
    return this;
  }

  @Override
  public ParseTree getChild(int i) {
    return null;
  }

  @Override
  public int getChildCount() {
    return 0;
  }

  @Override
  public <T> T accept(ParseTreeVisitor<? extends T> visitor) {
    return visitor.visitTerminal(this);
  }

  @Override
  public Interval getSourceInterval() {
    int index = getTokenIndex();
    return Interval.of(index, index);
  }

  @Override
  public String toStringTree(Parser parser) {
    return toStringTree();
  }

  @Override
  public String toStringTree() {
    return Trees.toStringTree(this);
  }
}
