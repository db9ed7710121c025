package calm.syntax;

import java.util.List;

/** One parsed file: its items in source order. */
public record Program(SourceFile source, List<Item> items) {

  public Program {
    items = List.copyOf(items);
  }

  public List<Declaration> declarations() {
    return itemsOf(Declaration.class);
  }

  public List<Fact> facts() {
    return itemsOf(Fact.class);
  }

  public List<Rule> rules() {
    return itemsOf(Rule.class);
  }

  public List<Seal> seals() {
    return itemsOf(Seal.class);
  }

  private <T extends Item> List<T> itemsOf(Class<T> type) {
    return items.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
