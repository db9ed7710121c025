package calm.syntax;

/** A declared column; {@code location} marks a channel's '@' destination column. */
public record Column(Span span, Name name, Type type, boolean location) implements Node {}
