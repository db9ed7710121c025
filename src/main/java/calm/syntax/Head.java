package calm.syntax;

import calm.source.Span;
/** A rule's head: its atom and its time. {@code span} covers {@code delete} and any suffix. */
public record Head(Span span, HeadForm form, Atom atom) implements Node {}
