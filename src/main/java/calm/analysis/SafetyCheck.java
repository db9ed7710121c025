package calm.analysis;

import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.syntax.Item;
import calm.syntax.Aggregate;
import calm.syntax.Comparison;
import calm.syntax.Literal;
import calm.syntax.NegatedLiteral;
import calm.syntax.Rule;
import calm.syntax.Term;
import calm.syntax.Variable;
import calm.syntax.Variables;
import calm.syntax.Wildcard;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * E301, range restriction (§4 Rules): every variable of the head, of a negated atom or of a comparison is
 * bound by a positive body atom or an {@code =} binding, whatever the order of the literals. A
 * variable is reported once per rule, where it first needs a value. Aggregated variables are left to
 * {@link AggregateCheck}.
 */
final class SafetyCheck implements ItemCheck {
  @Override
  public void checkItem(CheckContext context, Item item, int index, Consumer<Diagnostic> report) {
    if (item instanceof calm.syntax.Constraint constraint) {
      body(constraint.body(), BoundVariables.of(constraint.body()), new HashSet<>(), report);
    }
    if (item instanceof Rule rule) {
      Set<String> bound = BoundVariables.of(rule);
      Set<String> reported = new HashSet<>();
      for (Term argument : rule.head().atom().arguments()) {
        if (argument instanceof Aggregate) {
          continue;
        }
        for (Variable v : Variables.of(argument)) {
          unsafe(v, bound, reported, "the head needs a value for it", report);
        }
        for (Wildcard w : Variables.wildcards(argument)) {
          report.accept(
              Diagnostic.of(Code.UNSAFE_VARIABLE, w.span(), "'_' in a head: a derived fact needs a value in every column")
                  .withHelp("use a variable bound by the body, or a constant"));
        }
      }
      body(rule.body(), bound, reported, report);
    }
  }

  private static void body(
      java.util.List<Literal> body, Set<String> bound, Set<String> reported, Consumer<Diagnostic> report) {
    {
      for (Literal literal : body) {
        if (literal instanceof NegatedLiteral n) {
          for (Term argument : n.atom().arguments()) {
            for (Variable v : Variables.of(argument)) {
              unsafe(v, bound, reported, "a negated atom only tests values bound elsewhere", report);
            }
          }
        } else if (literal instanceof Comparison c) {
          for (Term side : new Term[] {c.left(), c.right()}) {
            for (Variable v : Variables.of(side)) {
              unsafe(v, bound, reported, "a comparison only tests values bound elsewhere", report);
            }
            for (Wildcard w : Variables.wildcards(side)) {
              report.accept(
                  Diagnostic.of(Code.UNSAFE_VARIABLE, w.span(), "'_' in a comparison never has a value")
                      .withHelp("compare a named variable bound by a positive atom"));
            }
          }
        }
      }
    }
  }

  private static void unsafe(
      Variable v, Set<String> bound, Set<String> reported, String why, Consumer<Diagnostic> report) {
    if (bound.contains(v.name()) || !reported.add(v.name())) {
      return;
    }
    report.accept(
        Diagnostic.of(
                Code.UNSAFE_VARIABLE,
                v.span(),
                "variable '" + v.name() + "' is not bound by a positive atom or an '=' binding")
            .withHelp(
                why + "; bind '" + v.name() + "' in a positive body atom, or with " + v.name() + " = ..."));
  }
}
