package calm.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One parsed file: its items in source order, and the same items sorted by kind. A class rather than
 * a record so that the sorted lists are made once: every check asks for the rules, and filtering a
 * large program's items again on each request cost more than some checks themselves.
 */
public final class Program {
  private final SourceFile source;
  private final List<Item> items;
  private final List<Declaration> declarations;
  private final List<Fact> facts;
  private final List<Rule> rules;
  private final List<Seal> seals;
  private final List<Constraint> constraints;

  public Program(SourceFile source, List<Item> items) {
    this.source = Objects.requireNonNull(source);
    this.items = List.copyOf(items);
    List<Declaration> declarations = new ArrayList<>();
    List<Fact> facts = new ArrayList<>();
    List<Rule> rules = new ArrayList<>();
    List<Seal> seals = new ArrayList<>();
    List<Constraint> constraints = new ArrayList<>();
    for (Item item : this.items) {
      if (item instanceof Declaration d) {
        declarations.add(d);
      } else if (item instanceof Fact f) {
        facts.add(f);
      } else if (item instanceof Rule r) {
        rules.add(r);
      } else if (item instanceof Seal s) {
        seals.add(s);
      } else if (item instanceof Constraint c) {
        constraints.add(c);
      }
    }
    this.declarations = List.copyOf(declarations);
    this.facts = List.copyOf(facts);
    this.rules = List.copyOf(rules);
    this.seals = List.copyOf(seals);
    this.constraints = List.copyOf(constraints);
  }

  public SourceFile source() {
    return source;
  }

  public List<Item> items() {
    return items;
  }

  public List<Declaration> declarations() {
    return declarations;
  }

  public List<Fact> facts() {
    return facts;
  }

  public List<Rule> rules() {
    return rules;
  }

  public List<Seal> seals() {
    return seals;
  }

  /** The integrity constraints (§12 Integrity constraints), in source order. */
  public List<Constraint> constraints() {
    return constraints;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Program p && source.equals(p.source) && items.equals(p.items);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, items);
  }

  @Override
  public String toString() {
    return "Program[source=" + source + ", items=" + items + "]";
  }
}
