package calm.analysis;

import calm.analysis.graph.RelationIds;
import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.syntax.Item;
import calm.syntax.Declaration;
import calm.syntax.Head;
import calm.syntax.HeadForm;
import calm.syntax.RelationKind;
import calm.syntax.Rule;
import java.util.function.Consumer;

/**
 * E207-E210: each head form fits the kind of its relation (§4 Rules): only a channel head is {@code @async},
 * and it always is; only a table is deleted from; and no rule derives an input, which by definition
 * only the outside world fills (the project's reading, see docs/language.md).
 */
final class HeadFormCheck implements ItemCheck {
  @Override
  public void checkItem(CheckContext context, Item item, int r, Consumer<Diagnostic> report) {
    RelationIds ids = context.ids();
    if (item instanceof Rule rule) {
      Head head = rule.head();
      if (ids.head(r) == RelationIds.UNDECLARED) {
        return;
      }
      Declaration declared = ids.declaration(ids.head(r));
      RelationKind kind = declared.kind();
      String name = head.atom().relation().text();
      HeadForm form = head.form();
      if (form == HeadForm.ASYNC && kind != RelationKind.CHANNEL) {
        report.accept(
            Diagnostic.of(
                    Code.ASYNC_HEAD_NOT_CHANNEL,
                    head.span(),
                    "@async sends a message, but '" + name + "' is a " + kind.keyword() + ", not a channel")
                .withHelp("use @next for the next tick, or declare a channel and send on it")
                .withRelated(declared.name().span(), "'" + name + "' is declared here"));
      } else if (form == HeadForm.DELETE && kind != RelationKind.TABLE) {
        report.accept(
            Diagnostic.of(
                    Code.DELETE_NON_TABLE,
                    head.span(),
                    "only table facts can be deleted, but '" + name + "' is " + withArticle(kind))
                .withHelp(
                    kind == RelationKind.SCRATCH || kind == RelationKind.INPUT
                        ? "a " + kind.keyword() + " is emptied at the end of every tick already"
                        : "a channel holds messages, which are consumed when they arrive")
                .withRelated(declared.name().span(), "'" + name + "' is declared here"));
      } else if (kind == RelationKind.CHANNEL && form != HeadForm.ASYNC && form != HeadForm.UPDATE) {
        report.accept(
            Diagnostic.of(
                    Code.CHANNEL_HEAD_WITHOUT_ASYNC,
                    head.span(),
                    "'" + name + "' is a channel, so a rule deriving it must send with @async")
                .withHelp("write " + name + "(...)@async :- ... ."));
      } else if (kind == RelationKind.INPUT) {
        report.accept(
            Diagnostic.of(
                    Code.INPUT_IN_HEAD,
                    head.span(),
                    "'" + name + "' is an input: only the outside world adds its facts")
                .withHelp("derive a table or scratch instead, or declare '" + name + "' as a table")
                .withRelated(declared.name().span(), "'" + name + "' is declared here"));
      }
    }
  }

  private static String withArticle(RelationKind kind) {
    return (kind == RelationKind.INPUT ? "an " : "a ") + kind.keyword();
  }
}
