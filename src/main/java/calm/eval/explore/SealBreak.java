package calm.eval.explore;

import calm.eval.SealViolation;

/** A run that broke a seal: which run, its seed (a replay token), and what arrived late. */
public record SealBreak(int run, String seed, SealViolation violation) {}
