package calm.analysis.calm;

import calm.source.Span;
import java.util.Optional;

/**
 * One reason a constraint's violation may depend on the schedule: a coordination point upstream of
 * what it reads ({@code point} present), or a literal of its own body that reads an asynchronous
 * relation non-monotonically or races ({@code point} empty, {@code where} the literal).
 *
 * @param status how far the threat is answered: sealed, acknowledged (only points), or not at all
 * @param kind for a point, its kinds joined with ", "; for a body literal, negation, race, aggregate
 *     read (or, later, snapshot)
 */
public record ConstraintThreat(
    Optional<CoordinationPoint> point, Span where, String kind, String why, PointStatus status) {}
