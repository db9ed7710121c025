package calm.syntax;

/** Arithmetic over variables and constants (§4 Rules). */
public sealed interface Expr extends Term
    permits Variable, Wildcard, Constant, Negation, BinaryExpr {}
