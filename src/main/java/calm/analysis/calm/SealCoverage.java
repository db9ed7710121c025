package calm.analysis.calm;

import calm.syntax.Literal;
import calm.syntax.Seal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether seals cover a point (§5 Annotations and seals), and remembers which seals covered
 * any part of one, so that the others can be reported as covering nothing.
 *
 * <p>A point is sealed when each of its kinds is: each reason literal is the sealed atom of a seal
 * that applies in the rule (or, where the kind allows, its guard), among the applications the kind
 * accepts (an aggregate must be grouped by the key). A kind that no seal can cover (deletion) keeps
 * the point open.
 */
final class SealCoverage {
  private final Map<String, List<Seal>> sealsByRelation = new HashMap<>();
  private final Set<Seal> used = Collections.newSetFromMap(new IdentityHashMap<>());
  private final GrowOnly growOnly;
  private final PointFinders finders;

  SealCoverage(List<Seal> seals, GrowOnly growOnly, PointFinders finders) {
    this.growOnly = growOnly;
    this.finders = finders;
    for (Seal seal : seals) {
      sealsByRelation.computeIfAbsent(seal.sealed().relation().text(), k -> new ArrayList<>()).add(seal);
    }
  }

  /** Sets the point's status to sealed (with its seals) or unacknowledged. */
  void decide(PointDraft point) {
    // a seal promises only that no new facts appear: on an event (whose earlier facts are gone when
    // the guard holds) or on a relation that loses facts (delete, a view that shrinks) it decides nothing
    List<SealApplication> applications =
        sealsByRelation.isEmpty()
            ? List.of() // a program without seals: nothing to look for in each of its points' rules
            : SealApplication.in(point.rule, sealsByRelation).stream()
                .filter(a -> growOnly.isGrowOnly(a.seal().sealed().relation().text()))
                .toList();
    boolean allSealed = true;
    Set<Seal> usedHere = new LinkedHashSet<>();
    for (Map.Entry<PointKind, List<Literal>> entry : point.reasons.entrySet()) {
      PointFinder finder = finders.of(entry.getKey());
      List<SealApplication> usable = finder.usableSeals(point, applications);
      // a seal that covers part of a point is in use, even if the point stays open for another reason
      if (!cover(finder, entry.getValue(), usable, usedHere)) {
        allSealed = false;
      }
    }
    used.addAll(usedHere);
    if (allSealed) {
      point.status = PointStatus.SEALED;
      point.sealedBy = usedHere;
    } else {
      point.status = PointStatus.UNACKNOWLEDGED;
    }
  }

  /** Whether the seal covered any part of a point so far. */
  boolean isUsed(Seal seal) {
    return used.contains(seal);
  }

  /**
   * Whether seals cover every reason literal of one kind; the seals that cover any of them are added to
   * {@code usedHere}.
   */
  private static boolean cover(
      PointFinder finder, List<Literal> literals, List<SealApplication> applications, Set<Seal> usedHere) {
    if (!finder.sealable()) {
      return false;
    }
    boolean all = true;
    for (Literal literal : literals) {
      boolean covered = false;
      for (SealApplication a : applications) {
        boolean asSealed = a.sealed() == literal;
        boolean asGuard = a.guard() == literal && finder.guardCovers();
        if (asSealed || asGuard) {
          usedHere.add(a.seal());
          covered = true;
        }
      }
      all &= covered;
    }
    return all;
  }
}
