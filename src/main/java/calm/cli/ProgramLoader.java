package calm.cli;

import calm.analysis.CheckedProgram;
import calm.analysis.Checker;
import calm.analysis.FileReport;
import calm.diagnostics.Diagnostic;
import calm.syntax.SourceFile;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads and checks the one program a command works on ({@code run}, {@code explore}, {@code graph}),
 * and says uniformly why it cannot: a path that cannot be read is a failure of the command (exit 2);
 * a file that is not program text, or a program with errors, gets its errors as
 * {@code FILE:LINE:COL: error[CODE]: message} and exit 1. The CALM analysis's coordination points do
 * not stop these commands: running and drawing them is what the commands are for.
 */
final class ProgramLoader {
  /** Beyond this many errors the rest are counted, not listed: {@code calm check} lists them all. */
  static final int SHOWN_ERRORS = 10;

  /** Why the command stops, with its exit status; the messages are already printed. */
  static final class Stop extends Exception {
    final int status;

    Stop(int status) {
      super(null, null, false, false);
      this.status = status;
    }
  }

  /** A program free of errors, its text, and what {@code calm check} found in it. */
  record Checked(SourceFile source, FileReport report, CheckedProgram program) {}

  private final String command;
  private final String notDone;
  private final Consumer<String> err;

  /**
   * @param command how the command calls itself in messages ({@code calm run})
   * @param notDone what the command did not do because of errors ({@code nothing was run})
   * @param err where messages go, a line at a time
   */
  ProgramLoader(String command, String notDone, Consumer<String> err) {
    this.command = command;
    this.notDone = notDone;
    this.err = err;
  }

  /** Reads and checks the program at {@code path}, with the CALM analysis. */
  Checked check(Path path) throws Stop {
    return check(path, Checker.standard());
  }

  /** Reads and checks the program at {@code path} with the given checker. */
  Checked check(Path path, Checker checker) throws Stop {
    if (Files.isDirectory(path)) {
      err.accept(command + ": " + SourceLoader.display(path) + ": is a directory, not a program file");
      throw new Stop(ExitCodes.FAILURE);
    }
    SourceLoader.Result read = SourceLoader.load(List.of(path));
    if (!read.failures().isEmpty() || read.files().isEmpty()) {
      read.failures().forEach(f -> err.accept(command + ": cannot read " + f));
      throw new Stop(ExitCodes.FAILURE);
    }
    SourceLoader.Loaded loaded = read.files().get(0);
    SourceFile source = loaded.source();
    if (loaded.unreadable().isPresent()) {
      throw stop(source, List.of(loaded.unreadable().get()));
    }
    Checker.Outcome outcome;
    try {
      outcome = checker.run(source);
    } catch (StackOverflowError deep) {
      throw stop(source, List.of(CheckCommand.tooDeep()));
    }
    FileReport report = outcome.report();
    if (outcome.checked().isEmpty()) {
      throw stop(source, report.diagnostics());
    }
    return new Checked(source, report, outcome.checked().get());
  }

  /**
   * An I/O failure in words, naming the file it is about: {@code facts/votes.facts: permission
   * denied}. The exception's own message already names the file, when it knows one.
   */
  static String describe(IOException e) {
    if ((e instanceof NoSuchFileException || e instanceof AccessDeniedException)
        && ((FileSystemException) e).getFile() != null) {
      return ((FileSystemException) e).getFile() + ": " + SourceLoader.reason(e);
    }
    return SourceLoader.reason(e);
  }

  private Stop stop(SourceFile source, List<Diagnostic> diagnostics) {
    List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isProgramError).toList();
    errors.stream().limit(SHOWN_ERRORS).forEach(d -> err.accept(source.displayPath() + ":" + d.span().line()
        + ":" + d.span().column() + ": error[" + d.code().id() + "]: " + d.message()));
    if (errors.size() > SHOWN_ERRORS) {
      err.accept("... and " + (errors.size() - SHOWN_ERRORS) + " more (`calm check " + source.displayPath()
          + "` lists them all)");
    }
    err.accept(command + ": the program has errors; " + notDone);
    return new Stop(ExitCodes.FINDINGS);
  }
}
