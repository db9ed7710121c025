package calm.syntax;

import calm.source.Span;
import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.syntax.antlr.CalmLexer;
import calm.syntax.antlr.CalmParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns a parse tree that has no syntax errors into the immutable AST. Reports what the grammar leaves
 * open on purpose (names after '@', aggregate names, integer ranges, facts that are not ground); an
 * item with such a problem is left out of the AST.
 */
final class AstBuilder {
  private final SourceFile source;
  private final List<Diagnostic> diagnostics;
  private final java.util.Map<String, String> names;
  /** The names by their tokens' characters, when the parse has them (null: by {@link #names}). */
  private final NameTable table;

  AstBuilder(SourceFile source, List<Diagnostic> diagnostics) {
    this(source, diagnostics, new java.util.HashMap<>(), null);
  }

  /**
   * With {@code names} shared by builders that read parts of one file side by side, and the {@code
   * table} of this one's part, or null.
   */
  AstBuilder(SourceFile source, List<Diagnostic> diagnostics, java.util.Map<String, String> names, NameTable table) {
    this.names = names;
    this.table = table;
    this.source = source;
    this.diagnostics = diagnostics;
  }

  /** Builds one item, or nothing if it was rejected (and reported). */
  Optional<Item> buildItem(CalmParser.ItemContext item) {
    try {
      return Optional.of(item(item));
    } catch (Rejected rejected) {
      return Optional.empty();
    }
  }

  // The builder reads children directly, by index, where ANTLR's typed accessors would scan the
  // children again on each call (with an iterator each) and allocate a list for each repeated part:
  // on a large file these walks were a third of the parse.

  private Item item(CalmParser.ItemContext ctx) {
    ParseTree only = ctx.getChild(0);
    if (only instanceof CalmParser.DeclarationContext declaration) {
      return declaration(declaration);
    }
    if (only instanceof CalmParser.SealContext seal) {
      return seal(seal);
    }
    if (only instanceof CalmParser.ConstraintContext constraint) {
      return constraint(constraint);
    }
    return clause((CalmParser.ClauseContext) only);
  }

  private Declaration declaration(CalmParser.DeclarationContext ctx) {
    List<Column> columns = new ArrayList<>();
    int keyColumns = -1;
    if (ctx.columns() != null) {
      for (ParseTree child : ctx.columns().children) {
        if (child instanceof CalmParser.ColumnContext column) {
          columns.add(column(column));
        } else if (child instanceof TerminalNode t && t.getText().equals("=>")) {
          keyColumns = columns.size();
        }
      }
    }
    RelationKind kind =
        switch (ctx.kind.getType()) {
          case CalmParser.TABLE -> RelationKind.TABLE;
          case CalmParser.SCRATCH -> RelationKind.SCRATCH;
          case CalmParser.INPUT -> RelationKind.INPUT;
          default -> RelationKind.CHANNEL;
        };
    return new Declaration(
        span(ctx), ctx.OUTPUT() != null, kind, name(ctx.IDENT()), columns, ctx.EXTERN() != null, keyColumns);
  }

  private Column column(CalmParser.ColumnContext column) {
    if (column.type != null) {
      Type type = column.type.getType() == CalmParser.INT_TYPE ? Type.INT : Type.STRING;
      return new Column(span(column), name(column.IDENT(0)), type, column.AT() != null);
    }
    Type base = column.base.getType() == CalmParser.INT_TYPE ? Type.INT : Type.STRING;
    String name = column.lattice.getText();
    Lattice lattice =
        switch (name) {
          case "max" -> Lattice.MAX;
          case "min" -> Lattice.MIN;
          default -> throw reject(
              Diagnostic.of(
                      Code.SYNTAX_ERROR,
                      span(column.lattice),
                      "unknown column type '" + name + "<" + base.keyword() + ">'")
                  .withHelp("the types are int and string, and the lattices max<int>, max<string>, "
                      + "min<int> and min<string>"));
        };
    return new Column(span(column), name(column.IDENT(0)), base, column.AT() != null, lattice);
  }

  private Seal seal(CalmParser.SealContext ctx) {
    return new Seal(span(ctx), atom(ctx.sealed), atom(ctx.guard));
  }

  private Constraint constraint(CalmParser.ConstraintContext ctx) {
    CalmParser.AnnotationContext annotationCtx = null;
    CalmParser.BodyContext bodyCtx = null;
    Token turnstile = null;
    for (ParseTree child : ctx.children) {
      if (child instanceof CalmParser.BodyContext b) {
        bodyCtx = b;
      } else if (child instanceof CalmParser.AnnotationContext a) {
        annotationCtx = a;
      } else if (child instanceof TerminalNode t && ":-".equals(t.getText())) {
        turnstile = t.getSymbol();
      }
    }
    Optional<Annotation> invariant =
        annotationCtx == null ? Optional.empty() : Optional.of(annotation(annotationCtx, false));
    return new Constraint(span(ctx), invariant, span(turnstile), body(bodyCtx));
  }

  private List<Literal> body(CalmParser.BodyContext bodyCtx) {
    // literal (',' literal)*
    List<Literal> body = new ArrayList<>((bodyCtx.getChildCount() + 1) / 2);
    for (int i = 0; i < bodyCtx.getChildCount(); i += 2) {
      body.add(literal((CalmParser.LiteralContext) bodyCtx.getChild(i)));
    }
    return body;
  }

  private Item clause(CalmParser.ClauseContext ctx) {
    CalmParser.AnnotationContext annotationCtx = null;
    CalmParser.HeadContext headCtx = null;
    CalmParser.BodyContext bodyCtx = null;
    for (int i = 0; i < ctx.getChildCount(); i++) {
      ParseTree child = ctx.getChild(i);
      if (child instanceof CalmParser.HeadContext h) {
        headCtx = h;
      } else if (child instanceof CalmParser.BodyContext b) {
        bodyCtx = b;
      } else if (child instanceof CalmParser.AnnotationContext a) {
        annotationCtx = a;
      }
    }
    Atom atom =
        atom(
            headCtx.getChild(0) instanceof CalmParser.AtomContext first
                ? first
                : (CalmParser.AtomContext) headCtx.getChild(1)); // after 'delete'
    HeadForm form = headForm(headCtx);
    Optional<Annotation> annotation =
        annotationCtx == null ? Optional.empty() : Optional.of(annotation(annotationCtx, true));
    if (bodyCtx == null) {
      return fact(ctx, headCtx, atom, form, annotation);
    }
    // a plain head is its atom, and shares its span: a million-rule program is a million spans less
    Span headSpan = headCtx.getChildCount() == 1 ? atom.span() : span(headCtx);
    return new Rule(span(ctx), annotation, new Head(headSpan, form, atom), body(bodyCtx));
  }

  private Fact fact(
      CalmParser.ClauseContext ctx,
      CalmParser.HeadContext headCtx,
      Atom atom,
      HeadForm form,
      Optional<Annotation> annotation) {
    if (annotation.isPresent()) {
      throw reject(
          Diagnostic.of(
                  Code.SYNTAX_ERROR,
                  annotation.get().span(),
                  "@coordinated annotates a rule, but this is a fact")
              .withHelp("remove the annotation, or give the clause a body: head :- body."));
    }
    if (form != HeadForm.SAME_TICK) {
      throw reject(
          Diagnostic.of(
                  Code.SYNTAX_ERROR,
                  span(headCtx),
                  "a fact cannot be "
                      + (form == HeadForm.DELETE ? "a deletion" : "@" + form.name().toLowerCase())
                      + "; only rules have time")
              .withHelp("write the fact plainly, as " + atom.relation().text() + "(...)."));
    }
    List<Constant> values = new ArrayList<>();
    boolean ground = true;
    for (Term term : atom.arguments()) {
      if (term instanceof Constant constant) {
        values.add(constant);
      } else {
        ground = false;
        diagnostics.add(
            Diagnostic.of(
                    Code.NON_GROUND_FACT,
                    term.span(),
                    "a fact may hold only constants, but '" + term + "' is not one")
                .withHelp(
                    "to derive facts, write a rule with a body: "
                        + atom.relation().text()
                        + "(...) :- ... ."));
      }
    }
    if (!ground) {
      throw new Rejected();
    }
    return new Fact(span(ctx), atom.relation(), values);
  }

  private HeadForm headForm(CalmParser.HeadContext ctx) {
    if (ctx.getChildCount() == 1) {
      return HeadForm.SAME_TICK;
    }
    boolean delete = ctx.DELETE() != null;
    if (ctx.IDENT() == null) {
      return delete ? HeadForm.DELETE : HeadForm.SAME_TICK;
    }
    String time = ctx.IDENT().getText();
    Span timeSpan = span(ctx.AT().getSymbol()).to(span(ctx.IDENT().getSymbol()));
    HeadForm form =
        switch (time) {
          case "next" -> HeadForm.NEXT;
          case "async" -> HeadForm.ASYNC;
          case "update" -> HeadForm.UPDATE;
          default -> throw reject(
              Diagnostic.of(
                      Code.UNKNOWN_ANNOTATION,
                      timeSpan,
                      "unknown time '@" + time + "' on a rule head")
                  .withHelp("a head may end in @next (next tick), @async (send on a channel) or "
                      + "@update (replace a keyed table's row)"));
        };
    if (delete) {
      throw reject(
          Diagnostic.of(
                  Code.SYNTAX_ERROR,
                  timeSpan,
                  "a delete head takes effect at the next tick already and cannot also be @" + time)
              .withHelp("write either 'delete r(...)' or 'r(...)@" + time + "'"));
    }
    return form;
  }

  /**
   * {@code @coordinated("reason")} before a rule, {@code @invariant("name")} before a constraint; both
   * take one string that must not be blank.
   */
  private Annotation annotation(CalmParser.AnnotationContext ctx, boolean onRule) {
    Name name = name(ctx.IDENT());
    Span nameSpan = span(ctx.AT().getSymbol()).to(name.span());
    String expected = onRule ? "coordinated" : "invariant";
    if (!name.text().equals(expected)) {
      boolean misplaced = name.text().equals(onRule ? "invariant" : "coordinated");
      throw reject(
          Diagnostic.of(
                  Code.UNKNOWN_ANNOTATION,
                  nameSpan,
                  misplaced
                      ? (onRule
                          ? "@invariant names a constraint, but this is a rule with a head"
                          : "a constraint cannot be @coordinated: coordination is acknowledged at the rule"
                              + " that threatens the invariant")
                      : "unknown annotation '@" + name.text() + "'")
              .withHelp(
                  onRule
                      ? "a rule takes @coordinated(\"reason\"); a constraint is written without a head:"
                          + " @invariant(\"name\") :- body."
                      : "a constraint takes @invariant(\"name\"); put @coordinated(\"reason\") before the"
                          + " rule that calm check names"));
    }
    List<CalmParser.ExprContext> args =
        ctx.annotationArgs() == null ? List.of() : ctx.annotationArgs().expr();
    boolean oneString = args.size() == 1 && isToken(args.get(0), CalmParser.STRING);
    if (!onRule
        && (!oneString
            || StringLiterals.unquote(args.get(0).getText()).isBlank())) {
      throw reject(
          Diagnostic.of(
                  Code.EMPTY_INVARIANT_NAME,
                  span(ctx),
                  "@invariant takes exactly one non-blank string: the invariant's name")
              .withHelp("write @invariant(\"no account is overdrawn\")"));
    }
    if (!oneString) {
      throw reject(
          Diagnostic.of(
                  Code.EMPTY_COORDINATION_REASON,
                  span(ctx),
                  "@coordinated takes exactly one string: the reason the deployment coordinates here")
              .withHelp("write @coordinated(\"orders go through the payment service's 2PC\")"));
    }
    CalmParser.ExprContext reason = args.get(0);
    return new Annotation(
        span(ctx),
        name,
        StringLiterals.unquote(reason.getText()),
        span(reason));
  }

  private Literal literal(CalmParser.LiteralContext ctx) {
    // NOT atom | atom | left=expr op=... right=expr
    if (ctx.getChild(0) instanceof CalmParser.AtomContext atom) {
      return new PositiveLiteral(atom(atom));
    }
    if (ctx.op == null) {
      return new NegatedLiteral(span(ctx), atom((CalmParser.AtomContext) ctx.getChild(1)));
    }
    return new Comparison(
        span(ctx), expr(ctx.left), ComparisonOperator.of(ctx.op.getText()), expr(ctx.right));
  }

  private Atom atom(CalmParser.AtomContext ctx) {
    // IDENT '(' (argument (',' argument)*)? ')'
    int count = (ctx.getChildCount() - 2) / 2;
    List<Term> arguments = List.of();
    if (count > 0) {
      Term[] terms = new Term[count];
      for (int i = 0; i < count; i++) {
        terms[i] = argument((CalmParser.ArgumentContext) ctx.getChild(2 + 2 * i));
      }
      arguments = List.of(terms);
    }
    return new Atom(span(ctx), name((TerminalNode) ctx.getChild(0)), arguments);
  }

  private Term argument(CalmParser.ArgumentContext ctx) {
    // IDENT '(' expr ')' | expr
    if (ctx.getChildCount() == 1) {
      return expr((CalmParser.ExprContext) ctx.getChild(0));
    }
    TerminalNode ident = (TerminalNode) ctx.getChild(0);
    String name = ident.getText();
    Span nameSpan = span(ident.getSymbol());
    AggregateFunction function =
        AggregateFunction.named(name)
            .orElseThrow(
                () ->
                    reject(
                        Diagnostic.of(
                                Code.UNKNOWN_AGGREGATE,
                                nameSpan,
                                "unknown aggregate '" + name + "'")
                            .withHelp(AggregateHabits.help(name))));
    return new Aggregate(span(ctx), function, nameSpan, expr((CalmParser.ExprContext) ctx.getChild(2)));
  }

  private Expr expr(CalmParser.ExprContext ctx) {
    // the grammar's alternatives, told apart by their number of children and their first token
    switch (ctx.getChildCount()) {
      case 1 -> {
        Token token = ctx.getStart();
        return switch (token.getType()) {
          case CalmParser.VARIABLE -> new Variable(span(ctx), canonical(token));
          case CalmParser.INTEGER -> integer(ctx, false);
          case CalmParser.STRING -> new StringConstant(span(ctx), StringLiterals.unquote(token.getText()));
          default -> new Wildcard(span(ctx)); // '_'
        };
      }
      case 2 -> { // '-' expr
        CalmParser.ExprContext operand = (CalmParser.ExprContext) ctx.getChild(1);
        if (isToken(operand, CalmParser.INTEGER)) {
          return integer(operand, true).withSpan(span(ctx));
        }
        return new Negation(span(ctx), expr(operand));
      }
      default -> {
        if (ctx.op == null) { // '(' expr ')'
          return expr((CalmParser.ExprContext) ctx.getChild(1));
        }
        return binary(ctx, ctx.left, ctx.op, ctx.right);
      }
    }
  }

  /** Whether an expression is the single token of a type: a variable, an integer, a string. */
  private static boolean isToken(CalmParser.ExprContext ctx, int type) {
    return ctx.getChildCount() == 1 && ctx.getStart().getType() == type;
  }

  private Expr binary(
      ParserRuleContext ctx, CalmParser.ExprContext left, Token op, CalmParser.ExprContext right) {
    return new BinaryExpr(span(ctx), expr(left), ArithmeticOperator.of(op.getText()), expr(right));
  }

  private IntConstant integer(CalmParser.ExprContext ctx, boolean negative) {
    String text = ctx.getStart().getText(); // the INTEGER token
    String digits = negative ? "-" + text : text;
    try {
      return new IntConstant(span(ctx), Long.parseLong(digits));
    } catch (NumberFormatException e) {
      throw reject(
          Diagnostic.of(
                  Code.INTEGER_OUT_OF_RANGE,
                  span(ctx),
                  "integer " + digits + " does not fit in 64 bits")
              .withHelp("integers range from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE));
    }
  }

  private Name name(TerminalNode node) {
    return new Name(canonical(node.getSymbol()), span(node.getSymbol()));
  }

  private String canonical(Token token) {
    return table != null ? table.of(token) : canonical(token.getText());
  }

  /**
   * One String object per distinct name: a relation is named many times, and the analyses key maps
   * by name, where equal references compare without reading the characters.
   */
  private String canonical(String text) {
    String known = names.putIfAbsent(text, text);
    return known == null ? text : known;
  }

  static Span span(ParserRuleContext ctx) {
    Token start = ctx.getStart();
    Token stop = ctx.getStop();
    if (stop == start) {
      return span(start);
    }
    if (stop == null
        || stop.getStartIndex() <= start.getStartIndex()
        || isMultiline(start)
        || isMultiline(stop)) {
      return stop == null ? span(start) : span(start).to(span(stop));
    }
    // the common case, without the two intermediate spans
    int stopColumn = stop.getCharPositionInLine() + 1;
    int stopLength = Math.max(stop.getStopIndex() - stop.getStartIndex() + 1, 1);
    return Span.of(start.getLine(), start.getCharPositionInLine() + 1, stop.getLine(), stopColumn + stopLength);
  }

  private static boolean isMultiline(Token token) {
    return token.getType() == Token.EOF || token.getType() == CalmLexer.UNTERMINATED_COMMENT;
  }

  static Span span(Token token) {
    int line = token.getLine();
    int column = token.getCharPositionInLine() + 1;
    if (token.getType() != Token.EOF && token.getType() != CalmLexer.UNTERMINATED_COMMENT) {
      // Every other token lies on one line; its length comes from its indices, without copying its text.
      int length = token.getStopIndex() - token.getStartIndex() + 1;
      return Span.of(line, column, line, column + Math.max(length, 1));
    }
    String text = token.getText();
    int newline = text == null ? -1 : text.lastIndexOf('\n');
    if (newline < 0) {
      int length = text == null ? 0 : text.length();
      return Span.of(line, column, line, column + Math.max(length, 1));
    }
    int lines = (int) text.chars().filter(c -> c == '\n').count();
    return Span.of(line, column, line + lines, text.length() - newline);
  }

  private Rejected reject(Diagnostic diagnostic) {
    diagnostics.add(diagnostic);
    return new Rejected();
  }

  /** Unwinds the building of one item whose problem has been reported. */
  private static final class Rejected extends RuntimeException {
    Rejected() {
      super(null, null, false, false);
    }
  }
}
