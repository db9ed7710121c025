package calm.analysis.calm;

import calm.syntax.Span;

/** Why something is not what the analysis hoped (an aggregate not monotone), and where. */
record Blame(String why, Span where) {}
