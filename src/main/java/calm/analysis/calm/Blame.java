package calm.analysis.calm;

import calm.source.Span;

/** Why something is not what the analysis hoped (an aggregate not monotone), and where. */
record Blame(String why, Span where) {}
