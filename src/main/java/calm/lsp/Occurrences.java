package calm.lsp;

import calm.syntax.Atom;
import calm.syntax.Declaration;
import calm.syntax.Fact;
import calm.syntax.Item;
import calm.syntax.Name;
import calm.syntax.Node;
import calm.syntax.Program;
import calm.syntax.Rule;
import calm.syntax.Seal;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.Position;

/**
 * Every relation name of a program, for definition, references, rename and hover. Atoms are found by
 * walking each item's record components, not by a list of item kinds: a kind of item added to the
 * language (constraints, say) has its atoms found without a change here.
 */
final class Occurrences {
  private final List<Occurrence> all;
  private final Map<String, List<Occurrence>> byRelation;

  private Occurrences(List<Occurrence> all) {
    this.all = List.copyOf(all);
    this.byRelation = all.stream().collect(Collectors.groupingBy(Occurrence::relation));
  }

  static Occurrences none() {
    return new Occurrences(List.of());
  }

  static Occurrences of(Program program) {
    List<Occurrence> found = new ArrayList<>();
    for (Item item : program.items()) {
      if (item instanceof Declaration d) {
        found.add(new Occurrence(d.name(), item, Occurrence.Role.DECLARATION));
      } else if (item instanceof Fact f) {
        found.add(new Occurrence(f.relation(), item, Occurrence.Role.FACT));
      } else if (item instanceof Rule r) {
        found.add(new Occurrence(r.head().atom().relation(), item, Occurrence.Role.HEAD));
        r.body().forEach(literal -> walk(literal, item, Occurrence.Role.BODY, found));
      } else if (item instanceof Seal s) {
        walk(s, item, Occurrence.Role.SEAL, found);
      } else {
        walk(item, item, Occurrence.Role.OTHER, found);
      }
    }
    return new Occurrences(found);
  }

  private static void walk(Object node, Item item, Occurrence.Role role, List<Occurrence> found) {
    if (node instanceof Atom atom) {
      found.add(new Occurrence(atom.relation(), item, role));
      return;
    }
    if (node instanceof Collection<?> many) {
      many.forEach(each -> walk(each, item, role, found));
    } else if (node instanceof Optional<?> maybe) {
      maybe.ifPresent(each -> walk(each, item, role, found));
    } else if (node instanceof Node && node instanceof Record record) {
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        try {
          walk(component.getAccessor().invoke(record), item, role, found);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  /** The name under the cursor, if it names a relation. */
  Optional<Occurrence> at(Position position) {
    return all.stream().filter(o -> Ranges.touches(o.name().span(), position)).findFirst();
  }

  List<Occurrence> of(String relation) {
    return byRelation.getOrDefault(relation, List.of());
  }

  /** The first declaration of the relation, which the schema uses too. */
  Optional<Name> declaration(String relation) {
    return of(relation).stream()
        .filter(o -> o.role() == Occurrence.Role.DECLARATION)
        .map(Occurrence::name)
        .findFirst();
  }
}
