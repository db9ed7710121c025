package calm.analysis.calm;

import calm.syntax.Atom;
import calm.syntax.Literal;
import calm.syntax.NegatedLiteral;
import calm.syntax.PositiveLiteral;
import calm.syntax.Rule;
import calm.syntax.Seal;
import calm.syntax.Term;
import calm.syntax.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One seal applying in one rule (§5 Annotations and seals): the rule's body holds an atom of the sealed
 * relation and a positive atom of the guard, with the seal's key bound to the same variables in both.
 *
 * @param sealed the body literal (positive or negated) of the sealed relation
 * @param guard the positive body atom of the guard relation
 * @param keyVariables the rule's variables standing for the seal's key
 */
record SealApplication(Seal seal, Literal sealed, PositiveLiteral guard, Set<String> keyVariables) {

  /** Every way the given seals (by sealed relation) apply in the rule. */
  static List<SealApplication> in(Rule rule, Map<String, List<Seal>> sealsByRelation) {
    List<SealApplication> applications = new ArrayList<>();
    for (Literal literal : rule.body()) {
      Atom atom = atomOf(literal);
      if (atom == null) {
        continue;
      }
      for (Seal seal : sealsByRelation.getOrDefault(atom.relation().text(), List.of())) {
        for (Literal other : rule.body()) {
          if (other != literal
              && other instanceof PositiveLiteral guard
              && guard.atom().relation().text().equals(seal.guard().relation().text())) {
            keyBinding(seal, atom, guard.atom())
                .ifPresent(key -> applications.add(new SealApplication(seal, literal, guard, key)));
          }
        }
      }
    }
    return applications;
  }

  static Atom atomOf(Literal literal) {
    if (literal instanceof PositiveLiteral p) {
      return p.atom();
    }
    if (literal instanceof NegatedLiteral n) {
      return n.atom();
    }
    return null;
  }

  /** The rule variables the key is bound to, when the sealed atom and the guard agree on them. */
  private static Optional<Set<String>> keyBinding(Seal seal, Atom sealed, Atom guard) {
    Map<String, String> bound = new HashMap<>();
    List<Term> sealedPattern = seal.sealed().arguments();
    for (int i = 0; i < sealedPattern.size(); i++) {
      if (sealedPattern.get(i) instanceof Variable key) {
        if (i >= sealed.arity() || !(sealed.arguments().get(i) instanceof Variable v)) {
          return Optional.empty();
        }
        String before = bound.putIfAbsent(key.name(), v.name());
        if (before != null && !before.equals(v.name())) {
          return Optional.empty();
        }
      }
    }
    Set<String> seenInGuard = new LinkedHashSet<>();
    List<Term> guardPattern = seal.guard().arguments();
    for (int i = 0; i < guardPattern.size(); i++) {
      if (guardPattern.get(i) instanceof Variable key && bound.containsKey(key.name())) {
        if (i >= guard.arity()
            || !(guard.arguments().get(i) instanceof Variable v)
            || !v.name().equals(bound.get(key.name()))) {
          return Optional.empty();
        }
        seenInGuard.add(key.name());
      }
    }
    if (!seenInGuard.equals(bound.keySet())) {
      return Optional.empty(); // a key missing from the guard: an error the checks report
    }
    return Optional.of(new LinkedHashSet<>(bound.values()));
  }
}
