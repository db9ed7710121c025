package calm.analysis.calm;

import calm.diagnostics.Diagnostic;
import calm.diagnostics.Severity;
import calm.source.Span;

/**
 * Diagnostics whose position and severity are known at once but whose text is written only when it
 * is read: the CALM analysis's coordination points, of which a large program has hundreds of
 * thousands, each with a message, a path, notes and help, which held all at once would be a good
 * part of the heap.
 */
public interface PointDiagnostics {
  PointDiagnostics NONE =
      new PointDiagnostics() {
        @Override
        public int size() {
          return 0;
        }

        @Override
        public Span span(int index) {
          throw new IndexOutOfBoundsException(index);
        }

        @Override
        public Severity severity(int index) {
          throw new IndexOutOfBoundsException(index);
        }

        @Override
        public Diagnostic write(int index) {
          throw new IndexOutOfBoundsException(index);
        }
      };

  int size();

  Span span(int index);

  Severity severity(int index);

  /** The diagnostic itself; a new but equal one each time. Safe to call from several threads. */
  Diagnostic write(int index);
}
