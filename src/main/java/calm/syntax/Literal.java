package calm.syntax;

import java.util.List;

/** A body literal (§4 Rules). */
public sealed interface Literal extends Node permits PositiveLiteral, NegatedLiteral, Comparison {
  /**
   * Whether {@code literals} hold {@code literal} itself. Within one rule this is what {@code contains}
   * says, since a literal record's {@code equals} compares its places too; but that {@code equals} is
   * generated through method handles, set up at its first call and slow under the C1 compiler.
   */
  static boolean among(List<? extends Literal> literals, Literal literal) {
    for (Literal l : literals) {
      if (l == literal) {
        return true;
      }
    }
    return false;
  }
}
