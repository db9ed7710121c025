package calm.eval;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a UTF-8 stream, split at '\n', decoded strictly: a byte that is not UTF-8 is reported
 * with its line and its place in the line, which Java's readers do not say.
 */
final class Utf8Lines implements Closeable {
  /** A line that is not UTF-8; the message names the byte. */
  static final class NotUtf8 extends IOException {
    final int line;

    NotUtf8(int line, String message) {
      super(message);
      this.line = line;
    }
  }

  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private int number;

  Utf8Lines(InputStream in) {
    this.in = in;
  }

  /** The next line without its '\n', or null at the end. */
  String next() throws IOException {
    String ascii = asciiLineInBuffer();
    if (ascii != null) {
      return ascii;
    }
    line.reset();
    boolean ended = false;
    while (!ended) {
      if (position == limit) {
        limit = in.read(buffer);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          if (line.size() == 0) {
            return null;
          }
          break;
        }
      }
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      line.write(buffer, start, position - start);
      if (position < limit) {
        position++; // the '\n'
        ended = true;
      }
    }
    number++;
    byte[] bytes = line.toByteArray();
    ByteBuffer from = ByteBuffer.wrap(bytes);
    CharBuffer to = CharBuffer.allocate(bytes.length);
    decoder.reset();
    CoderResult result = decoder.decode(from, to, true);
    if (result.isError()) {
      throw new NotUtf8(number, String.format("byte 0x%02X at byte %d of the line cannot start or continue a"
          + " UTF-8 character", bytes[from.position()] & 0xff, from.position() + 1));
    }
    decoder.flush(to);
    return to.flip().toString();
  }

  /** After {@link #nextInBuffer()} returned true: the line is {@code buffer()[lineStart, lineEnd)}. */
  int lineStart;
  int lineEnd;

  byte[] buffer() {
    return buffer;
  }

  /** The number of the last line returned, from 1. */
  int lineNumber() {
    return number;
  }

  /**
   * Moves to the next line when it is ASCII and fits in the buffer (refilling the buffer as needed),
   * without making a String of it: a facts file of numbers is then parsed straight from the bytes. False,
   * with nothing consumed, at the end of the input or when {@link #next()} must read the line.
   */
  boolean nextInBuffer() throws IOException {
    int end = position;
    while (true) {
      while (end < limit) {
        byte b = buffer[end];
        if (b == '\n') {
          number++;
          lineStart = position;
          lineEnd = end;
          position = end + 1;
          return true;
        }
        if (b < 0) {
          return false;
        }
        end++;
      }
      if (position == 0 && limit == buffer.length) {
        return false; // longer than the buffer
      }
      int kept = limit - position;
      System.arraycopy(buffer, position, buffer, 0, kept);
      position = 0;
      limit = kept;
      end = kept;
      int read = in.read(buffer, kept, buffer.length - kept);
      if (read <= 0) {
        if (kept == 0) {
          return false;
        }
        number++; // the last line, without a '\n'
        lineStart = 0;
        lineEnd = kept;
        position = kept;
        return true;
      }
      limit += read;
    }
  }

  /**
   * The common case without a copy or a decoder: the next line lies whole in the buffer and is ASCII
   * (a facts file of numbers). Null, with nothing consumed, otherwise.
   */
  private String asciiLineInBuffer() {
    int end = position;
    while (end < limit) {
      byte b = buffer[end];
      if (b == '\n') {
        number++;
        String text = new String(buffer, position, end - position, StandardCharsets.ISO_8859_1);
        position = end + 1;
        return text;
      }
      if (b < 0) {
        return null;
      }
      end++;
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
