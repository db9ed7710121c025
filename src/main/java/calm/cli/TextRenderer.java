package calm.cli;

import calm.analysis.FileReport;
import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.diagnostics.Severity;
import calm.syntax.SourceFile;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The human format: per diagnostic a {@code path:line:col: severity[CODE]: message} header, the
 * source line with the span underlined, {@code help:} lines and related notes; then each file's CALM
 * findings; then one summary line. With {@code quiet}, only errors (and open coordination points) are
 * shown; the summary still counts everything.
 *
 * <p>The report is written file by file: a large program's report runs to tens of megabytes.
 */
final class TextRenderer implements ReportRenderer {
  /** Diagnostics per block of text made at once ({@link ParallelBlocks}). */
  private static final int BLOCK = 128;

  private final Palette palette;
  private final boolean quiet;

  private final Triage triage;

  TextRenderer(Palette palette, boolean quiet) {
    this(palette, quiet, Triage.NONE);
  }

  TextRenderer(Palette palette, boolean quiet, Triage triage) {
    this.palette = palette;
    this.quiet = quiet;
    this.triage = triage;
  }

  @Override
  public void write(List<FileReport> reports, Writer out) throws IOException {
    CalmSectionRenderer calm = new CalmSectionRenderer(palette, quiet);
    for (FileReport report : reports) {
      // Each diagnostic's text depends on nothing else, and a large report spends most of its time
      // here: blocks of them are written side by side, then output in order, a few at a time so
      // that the text of the whole report is never held at once.
      int size = report.diagnostics().size();
      ParallelBlocks.write(
          (size + BLOCK - 1) / BLOCK, b -> block(report, b * BLOCK, Math.min(size, (b + 1) * BLOCK)), out);
      StringBuilder section = new StringBuilder();
      calm.render(report, section);
      out.write(section.toString());
    }
    out.write(palette.bold(Tally.of(reports, triage).summary() + setAside()) + "\n");
  }

  /** {@code (2 suppressed, 3 in the baseline)}, when any were: they are not shown in text. */
  private String setAside() {
    long suppressed = triage.count(Triage.Kind.IN_SOURCE);
    long baselined = triage.count(Triage.Kind.BASELINE);
    List<String> parts = new java.util.ArrayList<>();
    if (suppressed > 0) {
      parts.add(suppressed + " suppressed");
    }
    if (baselined > 0) {
      parts.add(baselined + " in the baseline");
    }
    return parts.isEmpty() ? "" : " (not shown: " + String.join(", ", parts) + ")";
  }

  /**
   * Each thread's builder of blocks, kept from one block to the next: made afresh, a block's builder
   * grew, and went over to two bytes a character at the first arrow with a copy, before its text was
   * copied out; a million-rule report made 4,200 blocks of some 130,000 characters.
   */
  private static final ThreadLocal<StringBuilder> BLOCK_TEXT = ThreadLocal.withInitial(StringBuilder::new);
  /** A builder that grew past this many characters (a block of very long lines) is not kept. */
  private static final int KEPT_CHARS = 1 << 20;

  private String block(FileReport report, int from, int to) {
    StringBuilder text = BLOCK_TEXT.get();
    text.setLength(0);
    for (int i = from; i < to; i++) {
      if (!quiet || report.severityAt(i) == Severity.ERROR) {
        diagnostic(report.source(), report.diagnostics().get(i), text);
        text.append('\n');
      }
    }
    String block = text.toString();
    if (text.capacity() > KEPT_CHARS) {
      BLOCK_TEXT.remove();
    }
    return block;
  }

  private void diagnostic(SourceFile source, Diagnostic d, StringBuilder out) {
    String path = source.displayPath();
    palette.appendBold(out, path, ":", Integer.toString(d.span().line()), ":", Integer.toString(d.span().column()), ":");
    out.append(' ');
    palette.appendSeverity(out, d.severity(), d.severity().label(), "[", d.code().id(), "]");
    palette.appendBold(out, ": ", d.message()).append('\n');
    boolean quotable = d.code() != Code.UNREADABLE_FILE;
    String pad = SnippetRenderer.gutterWidth(d.span().line());
    if (quotable) {
      SnippetRenderer.render(source, d.span(), '^', "", palette, d.severity(), out);
    }
    for (String help : d.help()) {
      out.append(palette.gutter(pad + "="))
          .append(' ')
          .append(palette.help("help"))
          .append(": ")
          .append(help)
          .append('\n');
    }
    for (Diagnostic.Related related : d.related()) {
      palette.appendBold(
          out, path, ":", Integer.toString(related.span().line()), ":", Integer.toString(related.span().column()), ":");
      out.append(' ')
          .append(palette.severity(Severity.NOTE, "note"))
          .append(": ")
          .append(related.message())
          .append('\n');
      SnippetRenderer.render(source, related.span(), '-', "", palette, Severity.NOTE, out);
    }
  }

  static String location(SourceFile source, int line, int column) {
    return source.displayPath() + ":" + line + ":" + column;
  }
}
