package calm.cli;

import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.syntax.SourceFile;
import calm.source.Span;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the paths of a command line into program texts. A file named on the command line is read
 * whatever its name; a directory is searched recursively for {@code *.calm} files (following symbolic
 * links, entering each real directory once, skipping hidden directories). A path that does not exist
 * or cannot be read, or a directory without programs, is a failure of the command (exit 2); a file
 * that is not UTF-8 text is a finding in that file (E001, exit 1).
 */
final class SourceLoader {
  /** Far above any real program (a million rules is about 50 MB); keeps a stray disk image out of memory. */
  static final long MAX_BYTES = 512L * 1024 * 1024;

  /** The path that means standard input, as for most Unix tools, and how diagnostics name it. */
  static final String STANDARD_INPUT = "-";

  static final String STANDARD_INPUT_SHOWN = "<stdin>";

  /** A program text, or the reason its content could not be taken as one. */
  record Loaded(SourceFile source, Optional<Diagnostic> unreadable) {}

  /** Everything found: the files in a stable order, the failures, and notes for the user. */
  record Result(List<Loaded> files, List<String> failures, List<String> notices) {}

  private final List<Loaded> files = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  private final List<String> notices = new ArrayList<>();
  private final Set<Path> seen = new HashSet<>();

  static Result load(List<Path> paths) {
    SourceLoader loader = new SourceLoader();
    for (Path path : paths) {
      loader.add(path);
    }
    return new Result(List.copyOf(loader.files), List.copyOf(loader.failures), List.copyOf(loader.notices));
  }

  private void add(Path path) {
    String shown = display(path);
    if (path.toString().equals(STANDARD_INPUT)) {
      if (seen.add(path)) {
        addStream(STANDARD_INPUT_SHOWN, System.in);
      }
      return;
    }
    if (!Files.exists(path) && opens(path)) {
      addStream(path, shown); // a pipe (/dev/stdin, <(...)): its link names nothing in the file system
      return;
    }
    if (!Files.exists(path)) {
      failures.add(
          Files.isSymbolicLink(path)
              ? shown + ": broken symbolic link"
              : shown + ": no such file or directory");
      return;
    }
    if (Files.isDirectory(path)) {
      addDirectory(path, shown);
    } else {
      addFile(path);
    }
  }

  private void addDirectory(Path root, String shown) {
    TreeMap<String, Path> found = new TreeMap<>();
    try {
      Files.walkFileTree(
          root,
          EnumSet.of(FileVisitOption.FOLLOW_LINKS),
          Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
              boolean hidden = !dir.equals(root) && name.startsWith(".");
              return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".calm")) {
                found.put(display(file), file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              if (e instanceof FileSystemLoopException) {
                notices.add(
                    display(file) + ": symbolic link loops back to a directory already being searched; not entered again");
              } else if (file.getFileName().toString().endsWith(".calm") || Files.isDirectory(file)) {
                failures.add(display(file) + ": " + reason(e));
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      failures.add(shown + ": " + reason(e));
      return;
    }
    if (found.isEmpty()) {
      failures.add(shown + ": directory holds no .calm files");
    }
    found.values().forEach(this::addFile);
  }

  private void addFile(Path path) {
    String shown = display(path);
    if (!Files.isRegularFile(path)) {
      addStream(path, shown); // a pipe or a device: no size to trust before reading
      return;
    }
    try {
      if (!seen.add(path.toRealPath())) {
        return; // the same file reached twice (named twice, or through a link)
      }
      long size = Files.size(path);
      if (size > MAX_BYTES) {
        files.add(unreadable(shown, "the file is " + size / (1024 * 1024) + " MB, larger than the "
            + MAX_BYTES / (1024 * 1024) + " MB a program may have", Span.point(1, 1)));
        return;
      }
      files.add(decode(shown, readWhole(path, size)));
    } catch (IOException e) {
      failures.add(shown + ": " + reason(e));
    } catch (OutOfMemoryError e) {
      failures.add(shown + ": not enough memory to read the file");
    }
  }

  /** How much of a file one read takes: see {@link #readWhole}. */
  private static final int SLICE = 1 << 20;

  /**
   * The file's bytes, read a megabyte at a time. {@code Files.readAllBytes} reads through a direct
   * buffer the size of the file, which the JDK then keeps for the thread: 50 MB of memory outside the
   * heap, to the end of the check of the million-rule benchmark.
   */
  static byte[] readWhole(Path path, long size) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      byte[] bytes = new byte[(int) size];
      int at = 0;
      for (int n; at < bytes.length && (n = in.read(bytes, at, Math.min(SLICE, bytes.length - at))) >= 0; ) {
        at += n;
      }
      if (at < bytes.length) {
        return java.util.Arrays.copyOf(bytes, at); // the file shrank since its size was read
      }
      byte[] grown = in.readAllBytes(); // what was added since, read in small slices too
      if (grown.length == 0) {
        return bytes;
      }
      byte[] whole = java.util.Arrays.copyOf(bytes, bytes.length + grown.length);
      System.arraycopy(grown, 0, whole, bytes.length, grown.length);
      return whole;
    }
  }

  private static boolean opens(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private void addStream(Path path, String shown) {
    try (InputStream in = Files.newInputStream(path)) {
      addStream(shown, in);
    } catch (IOException e) {
      failures.add(shown + ": " + reason(e));
    }
  }

  /**
   * Reads a stream to its end, or to the first NUL byte (a binary stream, such as /dev/zero, is
   * refused at once), or to {@link #MAX_BYTES}.
   */
  private void addStream(String shown, InputStream in) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[1 << 16];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        bytes.write(buffer, 0, n);
        boolean binary = false;
        for (int i = 0; i < n && !binary; i++) {
          binary = buffer[i] == 0;
        }
        if (binary) {
          break; // decode says where
        }
        if (bytes.size() > MAX_BYTES) {
          files.add(unreadable(shown, "the input is larger than the " + MAX_BYTES / (1024 * 1024)
              + " MB a program may have", Span.point(1, 1)));
          return;
        }
      }
    } catch (IOException e) {
      failures.add(shown + ": " + reason(e));
      return;
    } catch (OutOfMemoryError e) {
      failures.add(shown + ": not enough memory to read the input");
      return;
    }
    files.add(decode(shown, bytes.toByteArray()));
  }

  /** Strict UTF-8; a NUL byte marks a binary file, which no text editor would have written. */
  static Loaded decode(String shown, byte[] bytes) {
    boolean ascii = true;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return unreadable(
            shown,
            "this is a binary file, not program text (a NUL byte at byte " + (i + 1) + ")",
            position(bytes, i));
      }
      ascii &= bytes[i] > 0;
    }
    if (ascii) {
      // ASCII is UTF-8 that needs no decoding: the String copies the bytes as they are, where the
      // decoder would first have filled a char[] of twice their size (100 MB for a 50 MB program)
      return new Loaded(new SourceFile(shown, new String(bytes, StandardCharsets.US_ASCII)), Optional.empty());
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      return unreadable(
          shown,
          "the file is not UTF-8 text: byte 0x"
              + String.format("%02X", bytes[in.position()] & 0xff)
              + " at byte "
              + (in.position() + 1)
              + " cannot start or continue a UTF-8 character",
          position(bytes, in.position()));
    }
    decoder.flush(out);
    out.flip();
    return new Loaded(new SourceFile(shown, out.toString()), Optional.empty());
  }

  /** Line and column (UTF-16 units, as everywhere) of a byte offset in text that is UTF-8 up to it. */
  private static Span position(byte[] bytes, int offset) {
    String before;
    try {
      before =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .decode(ByteBuffer.wrap(bytes, 0, offset))
              .toString();
    } catch (CharacterCodingException impossible) {
      before = "";
    }
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < before.length(); i++) {
      if (before.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return Span.point(line, before.length() - lineStart + 1);
  }

  private static Loaded unreadable(String shown, String message, Span where) {
    // The text is not shown under the message: it is not text.
    return new Loaded(
        new SourceFile(shown, ""),
        Optional.of(
            Diagnostic.of(Code.UNREADABLE_FILE, where, message)
                .withHelp("calm reads programs written as UTF-8 text, in files ending .calm")));
  }

  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }

  /** Paths as the user wrote them, with '/' on every platform. */
  static String display(Path path) {
    return path.toString().replace('\\', '/');
  }
}
