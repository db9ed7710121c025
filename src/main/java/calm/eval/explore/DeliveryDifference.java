package calm.eval.explore;

/**
 * An envelope the two schedules of a witness deliver differently. {@code route} is
 * {@code client -> server} for a message, {@code input at server} for an input event; {@code a} and
 * {@code b} say when it arrives on each side (or that it was never sent there).
 */
public record DeliveryDifference(String fact, String route, String a, String b) {}
