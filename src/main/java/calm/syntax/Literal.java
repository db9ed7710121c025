package calm.syntax;

/** A body literal (§4 Rules). */
public sealed interface Literal extends Node permits PositiveLiteral, NegatedLiteral, Comparison {}
