package calm.eval.explore;

/** A run that stopped with an error (a bound, overflow, a message to an unknown node). */
public record RunFailure(int run, String seed, String message) {}
