package calm.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Keeps what a program file holds from acting on the terminal that shows a report: every character
 * a terminal may take as a command (C0 controls but tab and line feed, DEL, C1 controls) and the
 * bidirectional overrides that make text read differently from what it is ("Trojan Source") are
 * written as {@code \u001b}. Everything {@code calm} prints passes through {@link #writer}, so no
 * renderer can forget; the escape is also what JSON means by it, so JSON stays valid and exact.
 *
 * <p>Colours are the one deliberate escape: {@link Palette} writes {@link #ESC}, a lone low
 * surrogate that no UTF-8 input can produce, and the writer turns it into a real ESC.
 */
final class SafeText {
  /** Stands for ESC in our own colour codes; see the class comment. */
  static final String ESC = "\uDC1B";

  private SafeText() {}

  /** True for a character that must not reach a terminal as it is. */
  static boolean unsafe(char c) {
    return (c < 0x20 && c != '\n' && c != '\t')
        || (c >= 0x7f && c <= 0x9f)
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }

  /** The text with every unsafe character escaped (and no colour: the stand-in is escaped too). */
  static String escape(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (unsafe(c) || c == ESC.charAt(0)) {
        StringBuilder b = new StringBuilder(text.length() + 8).append(text, 0, i);
        for (int j = i; j < text.length(); j++) {
          char d = text.charAt(j);
          if (unsafe(d) || (d == ESC.charAt(0) && (j == 0 || !Character.isHighSurrogate(text.charAt(j - 1))))) {
            appendEscape(b, d == ESC.charAt(0) ? '\u001b' : d);
          } else {
            b.append(d);
          }
        }
        return b.toString();
      }
    }
    return text;
  }

  /**
   * The text to write through the {@link Filter} so that none of it acts as a colour code: the same
   * bytes as {@code escape(text)} through the filter. The filter escapes unsafe characters itself, as
   * {@link #escape} would; only our colour stand-in must be escaped beforehand, which most texts do
   * not hold, so that a long drawing is scanned for one character instead of checked character by
   * character twice.
   */
  static String forFilter(String text) {
    return text.indexOf(ESC.charAt(0)) < 0 ? text : escape(text);
  }

  private static void appendEscape(StringBuilder b, char c) {
    b.append("\\u").append(Character.forDigit(c >> 12, 16)).append(Character.forDigit((c >> 8) & 0xf, 16))
        .append(Character.forDigit((c >> 4) & 0xf, 16)).append(Character.forDigit(c & 0xf, 16));
  }

  /** A writer that escapes unsafe characters on their way to {@code out}, and remembers a failure to write. */
  static Filter writer(Writer out) {
    return new Filter(out);
  }

  /** A print writer over the filter, through which {@link #write(Writer, Block)} can reach the filter. */
  static PrintWriter printer(Filter filter) {
    return new Printer(filter);
  }

  /**
   * A block of a long report, escaped and encoded on the thread that made it, so that the thread that
   * writes the report in order only copies bytes: on a report of tens of megabytes, checking and
   * encoding every character was the largest frame of the writing thread's profile, while the other
   * core waited.
   */
  static final class Block {
    private final String text;
    private final Bytes bytes;

    private Block(String text, Bytes bytes) {
      this.text = text;
      this.bytes = bytes;
    }
  }

  /**
   * The text as the filter over a UTF-8 writer would write it from a fresh start: through a filter of
   * its own, so the bytes are the same by construction. A text that ends in half a surrogate pair
   * depends on what follows it and stays text.
   */
  static Block prepare(String text) {
    if (text.isEmpty() || Character.isHighSurrogate(text.charAt(text.length() - 1))) {
      return new Block(text, null);
    }
    Bytes bytes = new Bytes(text.length() + (text.length() >> 2));
    Filter own = new Filter(new Utf8Writer(bytes));
    try {
      own.write(text);
    } catch (IOException e) {
      throw new AssertionError("writing to memory does not fail", e);
    }
    return new Block(text, bytes);
  }

  /**
   * Writes a block to {@code out}: its bytes straight to the stream under the filter when {@code out}
   * is (or prints to) a filter over a UTF-8 writer, with nothing of a character pending in either;
   * else its text, through {@code out} as any other text.
   */
  static void write(Writer out, Block block) throws IOException {
    Filter filter = out instanceof Printer printer ? printer.filter : out instanceof Filter f ? f : null;
    if (filter == null || block.bytes == null || !filter.takesBytes()) {
      out.write(block.text);
    } else if (out instanceof Printer printer) {
      printer.writeBytes(block.bytes);
    } else {
      filter.writeBytes(block.bytes);
    }
  }

  /** A byte buffer that is written out in place ({@link #writeTo}), never copied. */
  private static final class Bytes extends ByteArrayOutputStream {
    Bytes(int size) {
      super(size);
    }
  }

  /** See {@link #printer}. Like any print writer, it keeps a failure to write to itself ({@link #checkError}). */
  private static final class Printer extends PrintWriter {
    private final Filter filter;

    Printer(Filter filter) {
      super(filter, true);
      this.filter = filter;
    }

    void writeBytes(Bytes bytes) {
      synchronized (lock) {
        try {
          filter.writeBytes(bytes);
        } catch (IOException e) {
          setError();
        }
      }
    }
  }

  /** See {@link #writer}. */
  static final class Filter extends Writer {
    private final Writer out;
    private boolean afterHighSurrogate;
    private IOException failure;

    private Filter(Writer out) {
      this.out = out;
    }

    /** The first error writing to the underlying writer, or null. */
    IOException failure() {
      return failure;
    }

    @Override
    public void write(String text) throws IOException {
      write(text, 0, text.length());
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
      int end = offset + length;
      if (out instanceof Utf8Writer utf8 && !utf8.holdsHalfACharacter() && length > 0) {
        int taken = writeEncoded(utf8.stream(), text, offset, end);
        if (taken == end) {
          afterHighSurrogate = false;
          return;
        }
        offset = taken;
        length = end - taken;
      }
      int clean = offset;
      while (clean < end && !special(text.charAt(clean))) {
        clean++;
      }
      if (clean == end) {
        if (length > 0) {
          afterHighSurrogate = Character.isHighSurrogate(text.charAt(end - 1));
        }
        pass(text.substring(offset, end));
        return;
      }
      char[] chars = new char[length];
      text.getChars(offset, end, chars, 0);
      write(chars, 0, length);
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
      int clean = offset;
      while (clean < offset + length && !special(chars[clean])) {
        clean++;
      }
      if (clean == offset + length) {
        if (length > 0) {
          afterHighSurrogate = Character.isHighSurrogate(chars[clean - 1]);
        }
        pass(new String(chars, offset, length));
        return;
      }
      StringBuilder b = new StringBuilder(length + 16);
      for (int i = offset; i < offset + length; i++) {
        char c = chars[i];
        if (c == ESC.charAt(0) && !afterHighSurrogate) {
          b.append('\u001b');
        } else if (unsafe(c)) {
          appendEscape(b, c);
        } else {
          b.append(c);
        }
        afterHighSurrogate = Character.isHighSurrogate(c);
      }
      pass(b.toString());
    }

    /** Whether a prepared block's bytes may go straight to the stream: no character is half written. */
    private boolean takesBytes() {
      return out instanceof Utf8Writer utf8 && !utf8.holdsHalfACharacter() && !afterHighSurrogate;
    }

    private void writeBytes(Bytes block) throws IOException {
      try {
        block.writeTo(((Utf8Writer) out).stream());
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        }
        throw e;
      }
    }

    private char[] chars;
    private byte[] bytes;

    /**
     * Encodes the text as UTF-8 straight to the stream under {@code out}, checking each character on
     * the way: one pass over a large report instead of a scan here and an encoding there. Stops at
     * the first character that is special or half of a pair, and returns its index; the general path
     * takes over from there.
     */
    private int writeEncoded(java.io.OutputStream stream, String text, int from, int end) throws IOException {
      if (chars == null) {
        chars = new char[8192];
        bytes = new byte[3 * 8192];
      }
      int i = from;
      while (i < end) {
        int n = Math.min(chars.length, end - i);
        text.getChars(i, i + n, chars, 0);
        int b = 0;
        int k = 0;
        for (; k < n; k++) {
          char c = chars[k];
          if (c < 0x80) {
            if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
              break;
            }
            bytes[b++] = (byte) c;
          } else if (c < 0x800) {
            if (c <= 0x9f) {
              break;
            }
            bytes[b++] = (byte) (0xc0 | (c >> 6));
            bytes[b++] = (byte) (0x80 | (c & 0x3f));
          } else {
            if (Character.isSurrogate(c) || (c >= '\u202a' && c <= '\u2069')) {
              break;
            }
            bytes[b++] = (byte) (0xe0 | (c >> 12));
            bytes[b++] = (byte) (0x80 | ((c >> 6) & 0x3f));
            bytes[b++] = (byte) (0x80 | (c & 0x3f));
          }
        }
        try {
          stream.write(bytes, 0, b);
        } catch (IOException e) {
          if (failure == null) {
            failure = e;
          }
          throw e;
        }
        i += k;
        if (k < n) {
          return i;
        }
      }
      return end;
    }

    private static boolean special(char c) {
      return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f) || (c >= '\u202a' && c <= '\u2069') || c == ESC.charAt(0);
    }

    private void pass(String text) throws IOException {
      try {
        out.write(text);
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        }
        throw e;
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        }
        throw e;
      }
    }

    @Override
    public void close() throws IOException {
      flush();
      out.close();
    }
  }
}
