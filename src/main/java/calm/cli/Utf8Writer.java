package calm.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A writer that encodes each string whole with {@link String#getBytes}. The JDK's stream encoder
 * falls back to a slow loop for the rest of its buffer at the first character outside ASCII, and
 * reports are full of arrows: on a large report this writer saves a good part of the output time.
 */
final class Utf8Writer extends Writer {
  private final OutputStream out;
  /** A high surrogate that ended the last write, waiting for its low half. */
  private char pendingHigh;

  Utf8Writer(OutputStream out) {
    this.out = out;
  }

  /** True while a high surrogate waits for its low half: only then must text go through {@link #write}. */
  boolean holdsHalfACharacter() {
    return pendingHigh != 0;
  }

  /** Where the bytes go, for a writer that encodes them itself ({@link SafeText.Filter}). */
  OutputStream stream() {
    return out;
  }

  @Override
  public void write(char[] chars, int offset, int length) throws IOException {
    write(new String(chars, offset, length));
  }

  @Override
  public void write(String text, int offset, int length) throws IOException {
    write(offset == 0 && length == text.length() ? text : text.substring(offset, offset + length));
  }

  @Override
  public void write(String text) throws IOException {
    if (text.isEmpty()) {
      return;
    }
    if (pendingHigh != 0) {
      text = pendingHigh + text;
      pendingHigh = 0;
    }
    char last = text.charAt(text.length() - 1);
    if (Character.isHighSurrogate(last)) {
      pendingHigh = last;
      text = text.substring(0, text.length() - 1);
    }
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void write(int c) throws IOException {
    write(String.valueOf((char) c));
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    if (pendingHigh != 0) {
      out.write(String.valueOf(pendingHigh).getBytes(StandardCharsets.UTF_8));
      pendingHigh = 0;
    }
    out.close();
  }
}
