package calm.analysis;

import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.syntax.Item;
import calm.syntax.Aggregate;
import calm.syntax.HeadForm;
import calm.syntax.Literal;
import calm.syntax.NegatedLiteral;
import calm.syntax.PositiveLiteral;
import calm.syntax.Rule;
import calm.syntax.Term;
import calm.syntax.Variable;
import java.util.Set;
import java.util.function.Consumer;

/**
 * E204: aggregates stand only in heads, at most one per head, never with {@code @async} or
 * {@code delete}, and aggregate a variable that the body binds (§4 Rules).
 */
final class AggregateCheck implements ItemCheck {
  @Override
  public void checkItem(CheckContext context, Item item, int index, Consumer<Diagnostic> report) {
    if (item instanceof Rule rule) {
      body(rule.body(), report);
      head(rule, report);
    } else if (item instanceof calm.syntax.Constraint constraint) {
      body(constraint.body(), report);
    }
  }

  private static void body(java.util.List<Literal> body, Consumer<Diagnostic> report) {
    {
      for (Literal literal : body) {
        Iterable<Term> arguments =
            literal instanceof PositiveLiteral p
                ? p.atom().arguments()
                : literal instanceof NegatedLiteral n ? n.atom().arguments() : java.util.List.of();
        for (Term argument : arguments) {
          if (argument instanceof Aggregate a) {
            report.accept(
                Diagnostic.of(Code.AGGREGATE_MISUSE, a.span(), "an aggregate can only stand in a rule head")
                    .withHelp("aggregate in a rule of its own and read its result here"));
          }
        }
      }
    }
  }

  private static void head(Rule rule, Consumer<Diagnostic> report) {
    Aggregate first = null;
    Set<String> bound = null;
    for (Term argument : rule.head().atom().arguments()) {
      if (!(argument instanceof Aggregate aggregate)) {
        continue;
      }
      if (first != null) {
        report.accept(
            Diagnostic.of(Code.AGGREGATE_MISUSE, aggregate.span(), "a head may hold only one aggregate")
                .withHelp("compute each aggregate in a rule of its own, then join the results")
                .withRelated(first.span(), "the first aggregate"));
        continue;
      }
      first = aggregate;
      HeadForm form = rule.head().form();
      if (form == HeadForm.ASYNC || form == HeadForm.DELETE) {
        String what = form == HeadForm.ASYNC ? "@async" : "delete";
        report.accept(
            Diagnostic.of(
                    Code.AGGREGATE_MISUSE,
                    aggregate.span(),
                    "a " + what + " rule cannot aggregate")
                .withHelp("aggregate into a table or scratch first, then " + (form == HeadForm.ASYNC
                    ? "send the result in another rule"
                    : "delete using the result in another rule")));
      }
      if (!(aggregate.argument() instanceof Variable v)) {
        report.accept(
            Diagnostic.of(
                    Code.AGGREGATE_MISUSE,
                    aggregate.argument().span(),
                    aggregate.function().keyword() + " takes a variable of the body, not " + Terms.show(aggregate.argument()))
                .withHelp(
                    "bind the value to a variable in the body, e.g. V = ..., and write "
                        + aggregate.function().keyword() + "(V)"));
        continue;
      }
      if (bound == null) {
        bound = BoundVariables.of(rule);
      }
      if (!bound.contains(v.name())) {
        report.accept(
            Diagnostic.of(
                    Code.AGGREGATE_MISUSE,
                    v.span(),
                    "the aggregated variable '" + v.name() + "' is not bound by the body")
                .withHelp("an aggregate ranges over the body's assignments; use a variable of a positive body atom"));
      }
    }
  }
}
