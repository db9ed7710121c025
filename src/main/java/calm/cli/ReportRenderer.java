package calm.cli;

import calm.analysis.FileReport;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/** One output format of {@code calm check}: writes the reports as they are made. */
interface ReportRenderer {
  void write(List<FileReport> reports, Writer out) throws IOException;

  /** The whole report as one string (tests and small outputs). */
  default String render(List<FileReport> reports) {
    StringWriter out = new StringWriter();
    try {
      write(reports, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
