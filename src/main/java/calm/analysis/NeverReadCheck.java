package calm.analysis;

import calm.analysis.graph.RelationIds;
import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.syntax.Declaration;
import java.util.function.Consumer;

/**
 * W102: when a program declares its outputs, a relation that is not one and that no rule reads (in a
 * positive or negated body atom) contributes nothing to them. Seals do not count as readers.
 */
final class NeverReadCheck implements Check {
  @Override
  public void check(CheckContext context, Consumer<Diagnostic> report) {
    if (!context.complete()) {
      return; // a rejected rule may be the missing writer or reader
    }
    if (!context.schema().hasOutputs()) {
      return;
    }
    RelationIds ids = context.ids();
    boolean[] read = new boolean[ids.size()];
    // the rules' body atoms from their numbers, without a walk over the syntax tree (a comparison's
    // number is UNDECLARED), then the constraints', which are few
    for (int r = 0; r < ids.rules(); r++) {
      for (int i = 0; i < ids.bodySize(r); i++) {
        int relation = ids.body(r, i);
        if (relation != RelationIds.UNDECLARED) {
          read[relation] = true;
        }
      }
    }
    for (calm.syntax.Constraint constraint : context.program().constraints()) {
      AtomUse.forEach(
          constraint,
          -1,
          ids,
          use -> {
            if (use.relation() != RelationIds.UNDECLARED) {
              read[use.relation()] = true;
            }
          });
    }
    for (int id = 0; id < ids.size(); id++) {
      Declaration declaration = ids.declaration(id);
      String name = declaration.name().text();
      if (!declaration.output() && !read[id]) {
        report.accept(
            Diagnostic.of(
                    Code.NEVER_READ,
                    declaration.name().span(),
                    declaration.kind().keyword() + " '" + name + "' is never read and is not an output")
                .withHelp("read it in a rule, mark it 'output " + declaration.kind().keyword() + "', or remove it"));
      }
    }
  }
}
