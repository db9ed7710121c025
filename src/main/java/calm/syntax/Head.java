package calm.syntax;

import calm.source.Span;
import java.util.Objects;

/**
 * A rule's head: its atom and its time. {@code span} covers {@code delete} and any suffix; a plain
 * head's is its atom's, which it does not keep a second time (a null field, read through {@link
 * #span()}).
 */
public record Head(Span span, HeadForm form, Atom atom) implements Node {
  public Head {
    Objects.requireNonNull(atom);
    if (span != null && atom.line() == span.line() && atom.column() == span.column()
        && atom.endLine() == span.endLine() && atom.endColumn() == span.endColumn()) {
      span = null;
    }
  }

  @Override
  public Span span() {
    return span != null ? span : atom.span();
  }
}
