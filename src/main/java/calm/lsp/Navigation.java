package calm.lsp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/** Definition, references and rename of relations, within one file (a program is one file). */
final class Navigation {
  /** A relation name, as the lexer reads one (§1 Lexical). */
  private static final Pattern RELATION_NAME = Pattern.compile("[a-z][A-Za-z0-9_]*");

  private Navigation() {}

  static List<Location> definition(Snapshot snapshot, Position position) {
    Occurrences all = snapshot.occurrences();
    return all.at(position)
        .flatMap(o -> all.declaration(o.relation()))
        .map(name -> List.of(new Location(snapshot.uri(), Ranges.of(name.span()))))
        .orElse(List.of());
  }

  static List<Location> references(Snapshot snapshot, Position position, boolean includeDeclaration) {
    Occurrences all = snapshot.occurrences();
    return all.at(position)
        .map(o -> all.of(o.relation()).stream()
            .filter(each -> includeDeclaration || each.role() != Occurrence.Role.DECLARATION)
            .map(each -> new Location(snapshot.uri(), Ranges.of(each.name().span())))
            .toList())
        .orElse(List.of());
  }

  static Optional<org.eclipse.lsp4j.Range> prepareRename(Snapshot snapshot, Position position) {
    return snapshot.occurrences().at(position).map(o -> Ranges.of(o.name().span()));
  }

  /** Renames every mention of the relation under the cursor; refuses a name that is not a relation name or is taken. */
  static WorkspaceEdit rename(Snapshot snapshot, Position position, String newName) {
    Occurrences all = snapshot.occurrences();
    Optional<Occurrence> at = all.at(position);
    if (at.isEmpty()) {
      return null;
    }
    if (!RELATION_NAME.matcher(newName).matches() || Keywords.ALL.contains(newName)) {
      throw invalid("`" + newName + "` is not a relation name: a lower-case letter, then letters, digits or _, and not a keyword");
    }
    if (!newName.equals(at.get().relation()) && !all.of(newName).isEmpty()) {
      throw invalid("`" + newName + "` is already a relation of this file");
    }
    List<TextEdit> edits = all.of(at.get().relation()).stream()
        .map(o -> new TextEdit(Ranges.of(o.name().span()), newName))
        .toList();
    Map<String, List<TextEdit>> changes = new HashMap<>();
    changes.put(snapshot.uri(), edits);
    return new WorkspaceEdit(changes);
  }

  private static ResponseErrorException invalid(String message) {
    return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, message, null));
  }
}
