package calm.syntax;

/** An argument of an atom: an expression or (in a head) an aggregate. */
public sealed interface Term extends Node permits Expr, Aggregate {}
