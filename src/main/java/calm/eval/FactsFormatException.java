package calm.eval;

/** A facts or scenario file that cannot be read as such; the message starts with {@code file:line:}. */
public final class FactsFormatException extends Exception {
  public FactsFormatException(String message) {
    super(message, null, false, false);
  }
}
