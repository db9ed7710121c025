package calm.syntax;

/** A top-level item of a program. */
public sealed interface Item extends Node permits Declaration, Fact, Rule, Seal, Constraint {}
