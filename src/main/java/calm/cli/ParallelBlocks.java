package calm.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Writes a long report as numbered blocks of text that depend on nothing but their number: a few at
 * a time are made side by side (and escaped and encoded, {@link SafeText#prepare}), then written in
 * order, so that the text of the whole report is never held at once.
 */
final class ParallelBlocks {
  // About a megabyte of text in flight: whatever is alive when the young generation is collected is
  // promoted at once (the launcher's MaxTenuringThreshold=0 for check of all but the largest inputs),
  // and with 8,192 diagnostics at once the report of a million rules left about 270 MB of finished
  // blocks in the old generation.
  static final int AT_ONCE = 8;

  /** About how many characters of a long text {@link #writeText} takes per block. */
  static final int TEXT_BLOCK = 1 << 18;

  private ParallelBlocks() {}

  /**
   * Writes a long text already made (a drawing of tens of megabytes) in blocks that end at line ends,
   * so that escaping and encoding it is shared by the cores.
   */
  static void writeText(String text, Writer out) throws IOException {
    List<Integer> ends = new java.util.ArrayList<>();
    int from = 0;
    while (from < text.length()) {
      int newline = text.indexOf('\n', Math.min(text.length(), from + TEXT_BLOCK) - 1);
      int end = newline < 0 ? text.length() : newline + 1;
      ends.add(end);
      from = end;
    }
    write(ends.size(), b -> text.substring(b == 0 ? 0 : ends.get(b - 1), ends.get(b)), out);
  }

  /** Writes blocks {@code 0} to {@code count - 1} of {@code text} to {@code out}, in order. */
  static void write(int count, IntFunction<String> text, Writer out) throws IOException {
    for (int first = 0; first < count; first += AT_ONCE) {
      List<SafeText.Block> blocks =
          IntStream.range(first, Math.min(count, first + AT_ONCE))
              .parallel()
              .mapToObj(b -> SafeText.prepare(text.apply(b)))
              .toList();
      for (SafeText.Block block : blocks) {
        SafeText.write(out, block);
      }
    }
  }
}
