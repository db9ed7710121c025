package calm.cli;

import calm.analysis.FileReport;
import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.diagnostics.Severity;
import calm.syntax.SourceFile;
import java.util.List;

/**
 * The human format: per diagnostic a {@code path:line:col: severity[CODE]: message} header, the
 * source line with the span underlined, {@code help:} lines and related notes; then each file's CALM
 * findings; then one summary line. With {@code quiet}, only errors (and open coordination points) are
 * shown; the summary still counts everything.
 */
final class TextRenderer {
  private final Palette palette;
  private final boolean quiet;

  TextRenderer(Palette palette, boolean quiet) {
    this.palette = palette;
    this.quiet = quiet;
  }

  String render(List<FileReport> reports) {
    StringBuilder out = new StringBuilder();
    CalmSectionRenderer calm = new CalmSectionRenderer(palette, quiet);
    for (FileReport report : reports) {
      for (Diagnostic diagnostic : report.diagnostics()) {
        if (!quiet || diagnostic.severity() == Severity.ERROR) {
          diagnostic(report.source(), diagnostic, out);
          out.append('\n');
        }
      }
      out.append(calm.render(report));
    }
    out.append(palette.bold(Tally.of(reports).summary())).append('\n');
    return out.toString();
  }

  private void diagnostic(SourceFile source, Diagnostic d, StringBuilder out) {
    out.append(palette.bold(location(source, d.span().line(), d.span().column()) + ":"))
        .append(' ')
        .append(palette.severity(d.severity(), d.severity().label() + "[" + d.code().id() + "]"))
        .append(palette.bold(": " + d.message()))
        .append('\n');
    boolean quotable = d.code() != Code.UNREADABLE_FILE;
    String pad = SnippetRenderer.gutterWidth(d.span().line());
    if (quotable) {
      out.append(SnippetRenderer.render(source, d.span(), '^', "", palette, s -> palette.severity(d.severity(), s)));
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
      out.append(palette.bold(location(source, related.span().line(), related.span().column()) + ":"))
          .append(' ')
          .append(palette.severity(Severity.NOTE, "note"))
          .append(": ")
          .append(related.message())
          .append('\n');
      out.append(
          SnippetRenderer.render(
              source, related.span(), '-', "", palette, s -> palette.severity(Severity.NOTE, s)));
    }
  }

  static String location(SourceFile source, int line, int column) {
    return source.displayPath() + ":" + line + ":" + column;
  }
}
