package calm.analysis.calm;

import static calm.analysis.calm.PointContext.relationOf;

import calm.syntax.HeadForm;
import calm.syntax.Literal;
import java.util.List;

/**
 * Points of kind {@code deletion} (§8 The CALM analysis: deletion): a {@code delete} (or an
 * {@code @update}, which deletes the key's old row) that reads an asynchronous relation removes what
 * a later message could have needed. No seal covers it.
 */
final class DeletionPoints implements PointFinder {
  @Override
  public PointKind kind() {
    return PointKind.DELETION;
  }

  @Override
  public void find(PointDraft draft, List<Literal> asynchronous) {
    HeadForm form = draft.rule.head().form();
    if (form == HeadForm.DELETE || form == HeadForm.UPDATE) {
      asynchronous.forEach(l -> draft.add(PointKind.DELETION, l));
    }
  }

  @Override
  public String reason(PointDraft draft, Literal literal) {
    String head = draft.rule.head().atom().relation().text();
    return (draft.rule.head().form() == HeadForm.UPDATE
            ? "`" + head + "@update` (deletes the key's old row)"
            : "`delete " + head + "`")
        + " after reading asynchronous `" + relationOf(literal) + "`";
  }

  @Override
  public boolean sealable() {
    return false;
  }

  @Override
  public void help(PointDraft draft, List<String> help) {
    help.add(
        "deletion cannot be sealed: keep the events in a table that only grows (a log) and derive the"
            + " current state from it");
  }
}
