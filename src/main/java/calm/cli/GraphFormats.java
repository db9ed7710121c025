package calm.cli;

import java.util.Iterator;
import java.util.List;

/** The formats of {@code calm graph --format}, for shell completion. */
final class GraphFormats implements Iterable<String> {
  @Override
  public Iterator<String> iterator() {
    return List.of("dot", "mermaid", "svg").iterator();
  }
}
