package calm.syntax;

import calm.source.Span;
import java.util.List;
import java.util.Optional;

/**
 * {@code @invariant("name")? :- body.} (§12 Integrity constraints): a rule without a head, which no state may satisfy.
 *
 * @param span the whole item, annotation included
 * @param invariant the {@code @invariant} annotation, whose {@link Annotation#reason()} is the name
 * @param turnstile where the {@code :-} stands: the constraint's line in every report
 */
public record Constraint(Span span, Optional<Annotation> invariant, Span turnstile, List<Literal> body)
    implements Item {
  public Constraint {
    body = List.copyOf(body);
  }

  /** The line of its {@code :-}. */
  public int line() {
    return turnstile.line();
  }

  /** The declared name, if annotated. */
  public Optional<String> name() {
    return invariant.map(Annotation::reason);
  }

  /** Its name in quotes, or "at line N": after the word "constraint", how messages refer to it. */
  public String describe() {
    return name().map(n -> "\"" + n + "\"").orElse("at line " + line());
  }
}
