package calm.syntax;

import java.nio.CharBuffer;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CodePointBuffer;
import org.antlr.v4.runtime.CodePointCharStream;

/**
 * ANTLR's character stream over a part of a String, filled a chunk at a time. {@code
 * CharStreams.fromString} copies the whole text into a {@code char[]} first, two bytes a character,
 * before packing it into its code-point buffer (one byte a character for Latin-1 text): for the two
 * halves of the million-rule benchmark that was 100 MB of arrays too large for the young generation,
 * allocated in the old one and dead a moment later; with the halves made by {@code substring}, 150 MB.
 */
final class TextStream {
  private static final int CHUNK = 1 << 14;

  private TextStream() {}

  /** The characters {@code [from, to)} of {@code text}, named {@code sourceName}. */
  static CharStream of(String text, int from, int to, String sourceName) {
    CodePointBuffer.Builder buffer = CodePointBuffer.builder(to - from);
    char[] chunk = new char[Math.min(CHUNK, Math.max(to - from, 1))];
    for (int at = from; at < to; ) {
      int end = Math.min(at + chunk.length, to);
      // a surrogate pair stays within one chunk, so the buffer sees both halves together
      if (end < to && end - at > 1 && Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      text.getChars(at, end, chunk, 0);
      buffer.append(CharBuffer.wrap(chunk, 0, end - at));
      at = end;
    }
    return CodePointCharStream.fromBuffer(buffer.build(), sourceName);
  }
}
