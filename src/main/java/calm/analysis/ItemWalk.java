package calm.analysis;

import calm.diagnostics.Diagnostic;
import calm.syntax.Item;
import calm.syntax.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** One walk over a program's items for many {@link ItemCheck}s, or over one part of them. */
final class ItemWalk {
  /** Below this many items a second part costs more than it saves. */
  private static final int ITEMS_PER_PART = 4096;

  private ItemWalk() {}

  /** Into how many parts to cut the walk over {@code items} items: one per core, for a large program. */
  static int parts(int items, int cores) {
    return Math.max(1, Math.min(cores, items / ITEMS_PER_PART));
  }

  /**
   * The findings of each of {@code checks}, in their order, on part {@code part} of {@code parts} of
   * the program's items (consecutive items, in source order).
   */
  static List<List<Diagnostic>> walk(CheckContext context, List<? extends ItemCheck> checks, int part, int parts) {
    List<Item> items = context.program().items();
    int from = (int) ((long) items.size() * part / parts);
    int to = (int) ((long) items.size() * (part + 1) / parts);
    int rule = 0;
    for (int i = 0; i < from; i++) {
      if (items.get(i) instanceof Rule) {
        rule++;
      }
    }
    List<List<Diagnostic>> found = new ArrayList<>(checks.size());
    List<Consumer<Diagnostic>> reports = new ArrayList<>(checks.size());
    for (int c = 0; c < checks.size(); c++) {
      List<Diagnostic> own = new ArrayList<>();
      found.add(own);
      reports.add(own::add);
    }
    for (int i = from; i < to; i++) {
      Item item = items.get(i);
      int index = item instanceof Rule ? rule++ : -1;
      for (int c = 0; c < checks.size(); c++) {
        checks.get(c).checkItem(context, item, index, reports.get(c));
      }
    }
    return found;
  }
}
