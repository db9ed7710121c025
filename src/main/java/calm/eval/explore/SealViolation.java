package calm.eval.explore;

/**
 * A run broke a seal's promise: {@code fact} appeared at {@code node} in tick {@code arrivedAt},
 * although {@code guard} had sealed its key there since tick {@code sealedAt}.
 */
public record SealViolation(String seal, String node, String fact, String guard, int sealedAt, int arrivedAt) {}
