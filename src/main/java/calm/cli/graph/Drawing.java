package calm.cli.graph;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * A drawing as a list of items (a node, an edge, a fixed text), each drawn as whole lines from the item
 * alone, so that blocks of items can be drawn side by side and written in order: a program of 100,000
 * rules draws some 250,000 lines, which took a tenth of a second on one core after the analysis ended,
 * and then were cut up again to be escaped and encoded on both.
 */
public final class Drawing {
  /** About 100 KB of text a block: eight blocks are made at once (calm.cli.ParallelBlocks). */
  static final int ITEMS_PER_BLOCK = 1024;

  private final List<?> items;
  private final BiConsumer<Object, StringBuilder> draw;
  private final int itemsPerBlock;

  Drawing(List<?> items, BiConsumer<Object, StringBuilder> draw) {
    this(items, draw, ITEMS_PER_BLOCK);
  }

  Drawing(List<?> items, BiConsumer<Object, StringBuilder> draw, int itemsPerBlock) {
    this.items = items;
    this.draw = draw;
    this.itemsPerBlock = itemsPerBlock;
  }

  /** A drawing of the same items cut into blocks of {@code itemsPerBlock} (tests cut it finely). */
  Drawing inBlocksOf(int itemsPerBlock) {
    return new Drawing(items, draw, itemsPerBlock);
  }

  public int blocks() {
    return (items.size() + itemsPerBlock - 1) / itemsPerBlock;
  }

  /** Block {@code b}: the lines of its items, in order; the blocks in order are {@link #text()}. */
  public String block(int b) {
    int from = b * itemsPerBlock;
    int to = Math.min(items.size(), from + itemsPerBlock);
    StringBuilder out = new StringBuilder(96 * (to - from));
    for (int i = from; i < to; i++) {
      draw.accept(items.get(i), out);
    }
    return out.toString();
  }

  /** The whole drawing. */
  public String text() {
    StringBuilder out = new StringBuilder(64 + 96 * items.size());
    for (Object item : items) {
      draw.accept(item, out);
    }
    return out.toString();
  }
}
