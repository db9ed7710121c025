package calm.serve;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The example programs the playground offers: the {@code .calm} files under one directory, named by
 * their path relative to it with '/'. A name from a request is only ever looked up among the files
 * listed, never turned into a path, so {@code ..}, absolute paths and links out of the directory
 * cannot reach anything else.
 */
final class Examples {
  private static final int MAX_DEPTH = 8;

  private final Path root;

  Examples(Path root) throws IOException {
    this.root = root.toRealPath();
  }

  /** Every example, sorted; only regular files whose real path lies inside the directory. */
  List<String> names() {
    try (Stream<Path> files = Files.walk(root, MAX_DEPTH)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".calm"))
          .filter(this::inside)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(name -> !name.startsWith(".") && !name.contains("/."))
          .sorted()
          .toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      return List.of();
    }
  }

  /** The text of the example of that name, if it is one of {@link #names()}. */
  Optional<String> read(String name) {
    if (!names().contains(name)) {
      return Optional.empty();
    }
    Path file = root.resolve(name);
    if (!inside(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** A regular file whose real location (links followed) is under the root. */
  private boolean inside(Path file) {
    try {
      return Files.isRegularFile(file) && file.toRealPath().startsWith(root);
    } catch (IOException e) {
      return false;
    }
  }

  /** Not followed: {@link FileVisitOption#FOLLOW_LINKS} is left out on purpose. */
  Path root() {
    return root;
  }
}
