package calm.cli;

import calm.eval.FactsFormatException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * With several nodes, {@code calm run --output-dir OUT} writes {@code OUT/NODE/REL.csv}: a node name
 * becomes a directory name, so it must be one plain name that stays inside OUT. A scenario may name
 * nodes anything ({@code node 10.0.0.1:8080}), but a name such as {@code ../../x} or {@code /tmp/x}
 * is refused, at its line of the scenario, before anything runs.
 */
final class NodeDirectories {
  /** Letters, digits and {@code . _ - : @ +}, not starting with '.', at most 255 characters. */
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_\\-:@+][A-Za-z0-9_.\\-:@+]{0,254}");

  private NodeDirectories() {}

  static void check(List<String> nodes, String scenario, String text) throws FactsFormatException {
    for (String node : nodes) {
      if (!SAFE.matcher(node).matches()) {
        throw new FactsFormatException(scenario + ":" + lineOf(node, text) + ": node '" + node
            + "' cannot name a directory under --output-dir: a node written to files is named with letters,"
            + " digits and . _ - : @ + (not starting with '.')");
      }
    }
  }

  /** OUT/NODE, for a node {@link #check} accepted; anything else is refused here too. */
  static Path resolve(Path outputDir, String node) {
    Path dir = outputDir.resolve(node);
    if (!SAFE.matcher(node).matches() || !outputDir.toAbsolutePath().normalize().equals(dir.toAbsolutePath().normalize().getParent())) {
      throw new IllegalArgumentException("node '" + node + "' is not a directory name");
    }
    return dir;
  }

  /** The line of the first 'node' directive that declares the node. */
  private static int lineOf(String node, String text) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String[] words = lines[i].trim().split("\\s+");
      if (words[0].equals("node") && List.of(words).subList(1, words.length).contains(node)) {
        return i + 1;
      }
    }
    return 1;
  }
}
