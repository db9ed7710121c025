package calm.syntax;

import calm.source.Span;
/** {@code @coordinated("reason")} before a rule. */
public record Annotation(Span span, Name name, String reason, Span reasonSpan) implements Node {}
