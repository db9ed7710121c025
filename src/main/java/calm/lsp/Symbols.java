package calm.lsp;

import calm.syntax.Atom;
import calm.syntax.Constraint;
import calm.syntax.Declaration;
import calm.syntax.Fact;
import calm.syntax.Item;
import calm.syntax.Rule;
import calm.syntax.Seal;
import calm.syntax.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.SymbolKind;

/** The outline: declarations, rules, seals and facts, in source order. */
final class Symbols {
  private Symbols() {}

  static List<DocumentSymbol> of(Snapshot snapshot) {
    List<DocumentSymbol> out = new ArrayList<>();
    snapshot.program().ifPresent(p -> p.items().forEach(item -> {
      DocumentSymbol symbol = symbolOf(item);
      if (symbol != null) {
        out.add(symbol);
      }
    }));
    return out;
  }

  /** One item's entry; a new kind of item is one more branch here. */
  static DocumentSymbol symbolOf(Item item) {
    if (item instanceof Declaration d) {
      return symbol(d.name().text(), (d.output() ? "output " : "") + d.kind().keyword(), SymbolKind.Struct, item, d.name());
    }
    if (item instanceof Rule r) {
      return symbol(atomText(r.head().atom()), "rule", SymbolKind.Function, item, r.head().atom().relation());
    }
    if (item instanceof Seal s) {
      return symbol("seal " + atomText(s.sealed()) + " by " + atomText(s.guard()), "seal", SymbolKind.Key, item, s.sealed().relation());
    }
    if (item instanceof Fact f) {
      return symbol(f.relation().text() + f.values().stream().map(Object::toString).collect(Collectors.joining(", ", "(", ")")),
          "fact", SymbolKind.Constant, item, f.relation());
    }
    if (item instanceof Constraint c) {
      return new DocumentSymbol("constraint " + c.describe(), SymbolKind.Property, Ranges.of(c.span()),
          Ranges.of(c.turnstile()), "constraint");
    }
    return null;
  }

  private static DocumentSymbol symbol(String name, String detail, SymbolKind kind, Item item, calm.syntax.Node selection) {
    return new DocumentSymbol(name, kind, Ranges.of(item.span()), Ranges.of(selection.span()), detail);
  }

  static String atomText(Atom atom) {
    return atom.relation().text() + atom.arguments().stream().map(Term::toString).collect(Collectors.joining(", ", "(", ")"));
  }
}
