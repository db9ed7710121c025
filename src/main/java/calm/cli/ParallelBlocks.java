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

  private ParallelBlocks() {}

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
