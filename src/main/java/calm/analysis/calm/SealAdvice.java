package calm.analysis.calm;

import calm.syntax.Atom;
import calm.syntax.Declaration;
import calm.syntax.Seal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * How the help texts of several point kinds suggest a seal (§5 Annotations and seals), written one
 * way for all.
 */
final class SealAdvice {
  static final String GUARD_MUST_BE_WRITTEN =
      "`done` stands for a relation the program writes (a rule, a fact or an input) once the key is"
          + " complete: a guard that nothing writes seals nothing (E404)";

  private final PointContext context;
  /**
   * The advice for each relation, made once: a large program's points name the same relations again
   * and again, and their diagnostics are written on several threads at once.
   */
  private final Map<String, String> adviceFor;

  SealAdvice(PointContext context) {
    this.context = context;
    // sized for every relation once: growing it while two threads write diagnostics moved its table
    this.adviceFor = new ConcurrentHashMap<>(context.index().size());
  }

  /**
   * Seal the relation by a key; an event first goes into a table, since a seal on an event covers
   * nothing (its earlier facts are gone when the guard arrives).
   */
  String sealAdvice(String relation) {
    // looked up first: the method reference is an object made at every call, which the C1 compiler a
    // check runs with makes through a method handle, for every point of a large program
    String advice = adviceFor.get(relation);
    return advice != null ? advice : adviceFor.computeIfAbsent(relation, this::writeSealAdvice);
  }

  private String writeSealAdvice(String relation) {
    if (context.events().isEvent(relation)) {
      return "persist `" + relation + "` in a table `" + relation + "_log` and seal that table by a key (`seal "
          + sealPattern(relation).replaceFirst("\\(", "_log(") + " by done(K).`), reading the table here";
    }
    return "seal `" + relation + "` by a key (`seal " + sealPattern(relation) + " by done(K).`)";
  }

  /** The pattern of a seal keyed by the first column that is not a channel's destination. */
  String sealPattern(String relation) {
    Declaration declaration = context.schema().get(relation);
    int location = declaration.locationColumn().orElse(-1);
    int key = location == 0 ? (declaration.arity() > 1 ? 1 : -1) : 0;
    StringBuilder s = new StringBuilder(relation).append('(');
    for (int i = 0; i < declaration.arity(); i++) {
      s.append(i == 0 ? "" : ", ").append(i == key ? "K" : "_");
    }
    return s.append(')').toString();
  }

  static String sealText(Seal seal) {
    return "`seal " + atomText(seal.sealed()) + " by " + atomText(seal.guard()) + "` (line "
        + seal.span().line() + ")";
  }

  private static String atomText(Atom atom) {
    return atom.relation().text()
        + atom.arguments().stream().map(Object::toString).collect(Collectors.joining(", ", "(", ")"));
  }
}
