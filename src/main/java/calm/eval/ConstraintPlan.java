package calm.eval;

import calm.syntax.Atom;
import calm.syntax.Constant;
import calm.syntax.Constraint;
import calm.syntax.IntConstant;
import calm.syntax.Literal;
import calm.syntax.PositiveLiteral;
import calm.syntax.StringConstant;
import calm.syntax.StringLiterals;
import calm.syntax.Term;
import calm.syntax.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the engine checks one constraint (§12 Integrity constraints) at one node: the body's steps, run once
 * after a tick's fixpoint, find whether any state satisfies the body and the first solution, shown as the
 * body's positive atoms with its values: the facts that violate the invariant.
 */
final class ConstraintPlan {
  final Constraint constraint;
  private final Step first;
  private final ViolationStep end;
  private final int registers;
  private final Map<String, Integer> registerOf;
  private final CompiledProgram program;
  private final MembershipStep[] batches;

  ConstraintPlan(
      Constraint constraint, Step first, ViolationStep end, Map<String, Integer> registerOf,
      CompiledProgram program) {
    this.constraint = constraint;
    this.first = first;
    this.end = end;
    this.registers = Math.max(registerOf.size(), 1);
    this.registerOf = Map.copyOf(registerOf);
    this.program = program;
    List<MembershipStep> found = new ArrayList<>();
    for (Step s = first; s != null; s = s.next) {
      if (s instanceof MembershipStep m && m.batched()) {
        found.add(m);
      }
    }
    this.batches = found.toArray(new MembershipStep[0]);
  }

  /** The number of solutions of the body at {@code node} now; 0 when the invariant holds there. */
  int check(NodeState node) {
    end.count = 0;
    Frame frame = new Frame(registers, node);
    try {
      first.run(frame);
      for (MembershipStep batch : batches) {
        batch.drain(frame);
      }
    } catch (ArithmeticException e) {
      String what = "division by zero".equals(e.getMessage()) ? "division by zero" : "integer overflow";
      throw new RunError(
          what + " in the constraint at line " + constraint.line() + " at node '" + node.name + "'",
          constraint.turnstile());
    }
    return end.count;
  }

  /** The registers of the first solution of the last check. Do not modify. */
  long[] firstSolution() {
    return end.first;
  }

  /** The first solution's facts: each positive atom of the body with the solution's values. */
  List<String> firstFacts() {
    List<String> facts = new ArrayList<>();
    for (Literal literal : constraint.body()) {
      if (literal instanceof PositiveLiteral p) {
        String fact = fact(p.atom());
        if (!facts.contains(fact)) {
          facts.add(fact);
        }
      }
    }
    return facts;
  }

  private String fact(Atom atom) {
    Relation relation = program.relation(atom.relation().text());
    List<calm.syntax.Type> types = relation.types();
    StringBuilder b = new StringBuilder(relation.name()).append('(');
    for (int i = 0; i < atom.arity(); i++) {
      Term t = atom.arguments().get(i);
      if (i > 0) {
        b.append(", ");
      }
      if (t instanceof Variable v) {
        long value = end.first[registerOf.get(v.name())];
        b.append(types.get(i) == calm.syntax.Type.STRING
            ? StringLiterals.quote(program.strings().string(value))
            : Long.toString(value));
      } else if (t instanceof IntConstant n) {
        b.append(n.value());
      } else if (t instanceof StringConstant s) {
        b.append(StringLiterals.quote(s.value()));
      } else if (t instanceof Constant c) {
        b.append(c);
      } else {
        b.append('_');
      }
    }
    return b.append(')').toString();
  }
}
