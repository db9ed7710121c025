package calm.analysis;

import calm.analysis.graph.RelationIds;
import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.syntax.Aggregate;
import calm.syntax.AggregateFunction;
import calm.syntax.Atom;
import calm.syntax.BinaryExpr;
import calm.syntax.Column;
import calm.syntax.Comparison;
import calm.syntax.ComparisonOperator;
import calm.syntax.Constant;
import calm.syntax.Declaration;
import calm.syntax.Expr;
import calm.syntax.Fact;
import calm.syntax.Item;
import calm.syntax.Literal;
import calm.syntax.NegatedLiteral;
import calm.syntax.Node;
import calm.syntax.Negation;
import calm.syntax.PositiveLiteral;
import calm.syntax.Rule;
import calm.syntax.Seal;
import calm.source.Span;
import calm.syntax.Term;
import calm.syntax.Type;
import calm.syntax.Variable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * E106 and E206: values agree with the types of the columns they fill; a variable has one type in a
 * rule; arithmetic, ordering comparisons and {@code sum}/{@code min}/{@code max} take integers.
 * Types flow from atom columns into variables, then through {@code X = E} bindings.
 */
final class TypeCheck implements ItemCheck {
  @Override
  public void checkItem(CheckContext context, Item item, int r, Consumer<Diagnostic> report) {
    if (item instanceof Rule rule) {
      new Scope(context, report).rule(rule, context.ids(), r);
    } else if (item instanceof calm.syntax.Constraint constraint) {
      new Scope(context, report).body(constraint.body());
    } else if (item instanceof Seal seal) {
      Scope scope = new Scope(context, report);
      scope.atom(seal.sealed());
      scope.atom(seal.guard());
    } else if (item instanceof Fact fact) {
      Optional<Declaration> declaration =
          context.schema().lookup(fact.relation().text()).filter(d -> d.arity() == fact.values().size());
      if (declaration.isPresent()) {
        for (int i = 0; i < fact.values().size(); i++) {
          constant(fact.values().get(i), declaration.get(), declaration.get().columns().get(i), report);
        }
      }
    }
  }

  private static void constant(
      Constant value, Declaration declaration, Column column, Consumer<Diagnostic> report) {
    if (value.type() != column.type()) {
      report.accept(
          Diagnostic.of(
                  Code.TYPE_MISMATCH,
                  value.span(),
                  describeColumn(declaration, column)
                      + " holds "
                      + plural(column.type())
                      + ", but "
                      + value
                      + " is "
                      + article(value.type()))
              .withHelp(
                  column.type() == Type.STRING
                      ? "write the value in quotes: \"" + value + "\""
                      : "write an integer, such as 42")
              .withRelated(column.span(), "the column is declared here"));
    }
  }

  static String describeColumn(Declaration declaration, Column column) {
    return "column '" + column.name().text() + "' of '" + declaration.name().text() + "'";
  }

  private static String article(Type type) {
    return type == Type.INT ? "an int" : "a string";
  }

  private static String plural(Type type) {
    return type == Type.INT ? "ints" : "strings";
  }

  /**
   * Where a variable got its type, for messages that name both uses: a column ({@code declaration}
   * and {@code column}) or an {@code X = E} binding ({@code boundTo}), at the node {@code at}. The
   * words and the span are made only for a message: most variables never need them, and a 100,000-rule
   * program has half a million variable uses.
   */
  private record Typing(Type type, Declaration declaration, Column column, Expr boundTo, Node at) {
    String origin() {
      return boundTo != null ? "bound to " + Terms.show(boundTo) : describeColumn(declaration, column);
    }

    Span where() {
      return at.span();
    }
  }

  /** The variables of one rule or seal and their types. */
  private static final class Scope {
    private final CheckContext context;
    private final Consumer<Diagnostic> report;
    private final Map<String, Typing> variables = new HashMap<>();

    Scope(CheckContext context, Consumer<Diagnostic> report) {
      this.context = context;
      this.report = report;
    }

    /** The rule at {@code index} among the program's, whose relations {@code ids} resolved. */
    void rule(Rule rule, RelationIds ids, int index) {
      List<Literal> body = rule.body();
      for (int i = 0; i < body.size(); i++) {
        Literal literal = body.get(i);
        if (literal instanceof PositiveLiteral p) {
          atom(p.atom(), ids.resolvedBody(index, i, p.atom().arity()));
        } else if (literal instanceof NegatedLiteral n) {
          atom(n.atom(), ids.resolvedBody(index, i, n.atom().arity()));
        }
      }
      propagateBindings(body);
      Atom head = rule.head().atom();
      head(head, ids.resolvedHead(index, head.arity()));
      comparisons(body);
    }

    /** A constraint's body (§12 Integrity constraints): typed as a rule's, without a head. */
    void body(List<Literal> body) {
      atoms(body);
      propagateBindings(body);
      comparisons(body);
    }

    private void atoms(List<Literal> body) {
      for (Literal literal : body) {
        if (literal instanceof PositiveLiteral p) {
          atom(p.atom());
        } else if (literal instanceof NegatedLiteral n) {
          atom(n.atom());
        }
      }
    }

    private void comparisons(List<Literal> body) {
      for (Literal literal : body) {
        if (literal instanceof Comparison c) {
          comparison(c);
        }
      }
    }

    /** Body atoms and seal atoms: variables take the column's type, constants must have it. */
    void atom(Atom atom) {
      atom(atom, context.resolve(atom).orElse(null));
    }

    /** As {@link #atom(Atom)}, with the atom's declaration when it resolves (else null). */
    private void atom(Atom atom, Declaration declaration) {
      if (declaration == null) {
        return;
      }
      for (int i = 0; i < atom.arity(); i++) {
        Term argument = atom.arguments().get(i);
        Column column = declaration.columns().get(i);
        if (argument instanceof Variable v) {
          use(v, declaration, column);
        } else if (argument instanceof Constant c) {
          constant(c, declaration, column, report);
        }
      }
    }

    private void head(Atom atom, Declaration declaration) {
      if (declaration == null) {
        return;
      }
      for (int i = 0; i < atom.arity(); i++) {
        Term argument = atom.arguments().get(i);
        Column column = declaration.columns().get(i);
        if (argument instanceof Variable v) {
          use(v, declaration, column);
        } else if (argument instanceof Constant c) {
          constant(c, declaration, column, report);
        } else if (argument instanceof Aggregate a) {
          aggregate(a, declaration, column);
        } else {
          Type type = typeOf((Expr) argument, true);
          if (type != null && type != column.type()) {
            report.accept(
                Diagnostic.of(
                        Code.TYPE_MISMATCH,
                        argument.span(),
                        describeColumn(declaration, column) + " holds " + plural(column.type())
                            + ", but this arithmetic gives an int")
                    .withRelated(column.span(), "the column is declared here"));
          }
        }
      }
    }

    private void aggregate(Aggregate aggregate, Declaration declaration, Column column) {
      AggregateFunction function = aggregate.function();
      if (function != AggregateFunction.COUNT && aggregate.argument() instanceof Variable v) {
        Typing typing = variables.get(v.name());
        if (typing != null && typing.type() == Type.STRING) {
          report.accept(
              Diagnostic.of(
                      Code.AGGREGATE_OVER_STRING,
                      aggregate.span(),
                      function.keyword() + " needs ints, but '" + v.name() + "' is a string ("
                          + typing.origin() + ")")
                  .withHelp(
                      "count(" + v.name() + ") counts strings; " + function.keyword()
                          + " works on int columns only")
                  .withRelated(typing.where(), "'" + v.name() + "' is a string here"));
          return;
        }
      }
      if (column.type() != Type.INT) {
        report.accept(
            Diagnostic.of(
                    Code.TYPE_MISMATCH,
                    aggregate.span(),
                    describeColumn(declaration, column) + " holds strings, but " + function.keyword() + " gives an int")
                .withHelp("declare the column as int")
                .withRelated(column.span(), "the column is declared here"));
      }
    }

    private void comparison(Comparison c) {
      Type left = typeOf(c.left(), true);
      Type right = typeOf(c.right(), true);
      if (left != null && right != null && left != right) {
        report.accept(
            Diagnostic.of(
                    Code.TYPE_MISMATCH,
                    c.span(),
                    "cannot compare " + article(left) + " with " + article(right))
                .withHelp("both sides of '" + c.operator().symbol() + "' must have the same type"));
      } else if (c.operator().isOrdering() && (left == Type.STRING || right == Type.STRING)) {
        report.accept(
            Diagnostic.of(
                    Code.TYPE_MISMATCH,
                    c.span(),
                    "strings cannot be ordered with '" + c.operator().symbol() + "'")
                .withHelp("strings compare only with = and !="));
      }
    }

    /** {@code X = E} gives X the type of E when nothing else typed it. */
    private void propagateBindings(List<Literal> body) {
      boolean changed = true;
      while (changed) {
        changed = false;
        for (Literal literal : body) {
          if (literal instanceof Comparison c && c.operator() == ComparisonOperator.EQ) {
            changed |= bindFrom(c.left(), c.right());
            changed |= bindFrom(c.right(), c.left());
          }
        }
      }
    }

    private boolean bindFrom(Expr target, Expr source) {
      if (target instanceof Variable v && !variables.containsKey(v.name())) {
        Type type = typeOf(source, false);
        if (type != null) {
          variables.put(v.name(), new Typing(type, null, null, source, source));
          return true;
        }
      }
      return false;
    }

    private void use(Variable v, Declaration declaration, Column column) {
      Type type = column.type();
      Typing earlier = variables.get(v.name());
      if (earlier == null) {
        variables.put(v.name(), new Typing(type, declaration, column, null, v));
      } else if (earlier.type() != type) {
        report.accept(
            Diagnostic.of(
                    Code.TYPE_MISMATCH,
                    v.span(),
                    "'" + v.name() + "' is used as " + article(type) + " here (" + describeColumn(declaration, column)
                        + ") but as "
                        + article(earlier.type()) + " before (" + earlier.origin() + ")")
                .withHelp("use two different variables, or make the column types agree")
                .withRelated(earlier.where(), "'" + v.name() + "' is " + article(earlier.type()) + " here"));
      }
    }

    /** The type of an expression, or null when unknown; reports arithmetic on strings if asked. */
    private Type typeOf(Expr expr, boolean reporting) {
      if (expr instanceof Constant c) {
        return c.type();
      }
      if (expr instanceof Variable v) {
        Typing typing = variables.get(v.name());
        return typing == null ? null : typing.type();
      }
      if (expr instanceof Negation n) {
        arithmeticOperand(n.operand(), "-", reporting);
        return Type.INT;
      }
      if (expr instanceof BinaryExpr b) {
        arithmeticOperand(b.left(), b.operator().symbol(), reporting);
        arithmeticOperand(b.right(), b.operator().symbol(), reporting);
        return Type.INT;
      }
      return null;
    }

    private void arithmeticOperand(Expr operand, String operator, boolean reporting) {
      Type type = typeOf(operand, reporting);
      if (reporting && type == Type.STRING) {
        report.accept(
            Diagnostic.of(
                    Code.TYPE_MISMATCH,
                    operand.span(),
                    "arithmetic '" + operator + "' needs ints, but " + Terms.show(operand) + " is a string")
                .withHelp("+ - * / % work on ints only; strings cannot be concatenated"));
      }
    }
  }
}
