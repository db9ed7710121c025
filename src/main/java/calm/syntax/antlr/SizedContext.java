package calm.syntax.antlr;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * The superclass of the parser's contexts (the grammar's {@code contextSuperClass}): a context's list
 * of children starts at the size its rule usually needs. ANTLR's own starts every list at ten slots,
 * while most nodes of a Calm parse tree have one to seven children, and half of them exactly one (a
 * variable, an argument, a head, a literal): on a large file those lists were a third of the memory
 * the parser allocates, nearly all of it garbage as soon as the item is built.
 */
public class SizedContext extends ParserRuleContext {
  /** By rule index: the children of the rule's usual shape (a larger one grows the list as usual). */
  private static final int[] USUAL_CHILDREN = usualChildren();

  public SizedContext() {}

  public SizedContext(ParserRuleContext parent, int invokingStateNumber) {
    super(parent, invokingStateNumber);
  }

  @Override
  public <T extends ParseTree> T addAnyChild(T t) {
    if (children == null) {
      int usual = USUAL_CHILDREN[getRuleIndex()];
      if (usual == 1) {
        // an immutable list of one holds its element in a field, without an array
        children = List.of(t);
        return t;
      }
      children = new ArrayList<>(usual);
    } else if (!(children instanceof ArrayList)) {
      List<ParseTree> grown = new ArrayList<>(4);
      grown.addAll(children);
      children = grown;
    }
    children.add(t);
    return t;
  }

  @Override
  public void removeLastChild() {
    if (children != null && !(children instanceof ArrayList)) {
      children = new ArrayList<>(children.subList(0, children.size() - 1));
      return;
    }
    super.removeLastChild();
  }

  private static int[] usualChildren() {
    int[] usual = new int[CalmParser.ruleNames.length];
    java.util.Arrays.fill(usual, 4);
    usual[CalmParser.RULE_item] = 1; // one declaration, seal, constraint or clause
    usual[CalmParser.RULE_declaration] = 7; // output table r ( columns ) .
    usual[CalmParser.RULE_columns] = 5; // three columns and their commas
    usual[CalmParser.RULE_column] = 3; // a : int
    usual[CalmParser.RULE_clause] = 4; // head :- body .
    usual[CalmParser.RULE_annotationArgs] = 1;
    usual[CalmParser.RULE_head] = 1; // the atom
    usual[CalmParser.RULE_body] = 5; // three literals and their commas
    usual[CalmParser.RULE_literal] = 1; // an atom
    usual[CalmParser.RULE_atom] = 7; // r ( three arguments and their commas )
    usual[CalmParser.RULE_argument] = 1; // an expression
    usual[CalmParser.RULE_expr] = 1; // a variable or a constant
    return usual;
  }
}
