package calm.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a file whole or not at all: the text goes to a hidden temporary file beside it, which is
 * renamed over the old one when complete. A run killed halfway (SIGTERM, a full disk) leaves the old
 * complete file, and two runs writing the same file leave one of the two complete versions, never a
 * splice. The temporary file of a killed run is deleted on the way out. A target that exists and is
 * not a regular file ({@code /dev/stdout}, a pipe) is written in place: it cannot be replaced.
 */
final class AtomicFiles {
  /** Writes the content of one file, UTF-8 text escaped by {@link SafeText}. */
  interface Content {
    void writeTo(Writer out) throws IOException;
  }

  private AtomicFiles() {}

  static void write(Path file, Content content) throws IOException {
    if (Files.exists(file) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
        && !Files.isSymbolicLink(file)) {
      try (Writer out = writer(Files.newOutputStream(file))) {
        content.writeTo(out);
      }
      return;
    }
    Path target = Files.isSymbolicLink(file) ? file.toRealPath() : file;
    Path dir = target.toAbsolutePath().getParent();
    Path temporary = newTemporary(dir, "." + target.getFileName());
    boolean done = false;
    try {
      try (Writer out = writer(Files.newOutputStream(temporary))) {
        content.writeTo(out);
      }
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
    } finally {
      if (!done) {
        Files.deleteIfExists(temporary);
      }
      synchronized (PENDING) {
        PENDING.remove(temporary);
      }
    }
  }

  /*
   * The temporary files being written, for the shutdown hook to delete when the JVM stops mid-write
   * (SIGTERM). Creating one and the hook's sweep hold the same lock, and nothing is created once the
   * sweep has begun: a file is either swept or never made, whatever the timing. (deleteOnExit left one
   * behind when the JVM halted between making a file after its hook had run and the finally above.)
   */
  private static final Set<Path> PENDING = new HashSet<>();
  private static boolean sweeping;
  private static boolean hooked;

  private static void sweep() {
    synchronized (PENDING) {
      sweeping = true;
      for (Path temporary : PENDING) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException e) {
          // the JVM is going away: nothing better to do with it
        }
      }
    }
  }

  private static final AtomicLong SERIAL = new AtomicLong();

  /**
   * A new empty file in {@code dir} whose name no other writer uses: the process id and a serial
   * number, and creating it fails if it exists (another host's process on a shared folder), which
   * takes the next number. Not {@link Files#createTempFile}: its random names seed a {@code
   * SecureRandom}, which loads and initialises the JDK's security providers, 4% of a small
   * run's own start-up (docs/benchmarks.md, "Start-up, aggregation and negation"); and the file
   * gets the permissions of any new file (the umask's), not owner-only, as an output should.
   */
  private static Path newTemporary(Path dir, String prefix) throws IOException {
    String stem = prefix + "." + ProcessHandle.current().pid() + ".";
    synchronized (PENDING) {
      if (!hooked && !sweeping) {
        try {
          Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::sweep, "calm-temporary-files"));
          hooked = true;
        } catch (IllegalStateException shuttingDown) {
          sweeping = true;
        }
      }
      if (sweeping) {
        throw new IOException(dir + ": not written, the program is stopping");
      }
      while (true) {
        Path candidate = dir.resolve(stem + SERIAL.incrementAndGet() + ".tmp");
        try {
          Path made = Files.createFile(candidate);
          PENDING.add(made);
          return made;
        } catch (FileAlreadyExistsException taken) {
          // someone else's: the next number
        }
      }
    }
  }

  private static Writer writer(OutputStream out) {
    return SafeText.writer(new Utf8Writer(new GrowingBufferedOutputStream(out)));
  }
}
