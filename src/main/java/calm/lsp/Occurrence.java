package calm.lsp;

import calm.syntax.Item;
import calm.syntax.Name;

/**
 * One place where a relation is named: its declaration, a head, a body atom, a fact or a seal.
 *
 * @param item the top-level item the name is in
 * @param role what the name does there
 */
record Occurrence(Name name, Item item, Role role) {
  enum Role {
    DECLARATION,
    HEAD,
    BODY,
    FACT,
    SEAL,
    OTHER
  }

  String relation() {
    return name.text();
  }
}
