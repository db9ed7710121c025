package calm.cli;

import calm.eval.Relation;
import calm.syntax.StringLiterals;
import java.util.ArrayList;
import java.util.List;

/** An output relation as an aligned text table: numbers right-aligned, strings quoted and left-aligned. */
final class TableRenderer {
  private TableRenderer() {}

  static void render(StringBuilder b, Relation r, String node, List<Object[]> facts) {
    b.append(r.name());
    if (node != null) {
      b.append(" @ ").append(node);
    }
    b.append(" (").append(facts.size()).append(facts.size() == 1 ? " fact" : " facts").append(")\n");
    if (r.arity() == 0) {
      b.append(facts.isEmpty() ? "  (does not hold)\n" : "  ()\n").append('\n');
      return;
    }
    List<String[]> cells = new ArrayList<>();
    cells.add(r.columnNames().toArray(new String[0]));
    for (Object[] f : facts) {
      String[] row = new String[f.length];
      for (int i = 0; i < f.length; i++) {
        row[i] = f[i] instanceof String s ? StringLiterals.quote(s) : f[i].toString();
      }
      cells.add(row);
    }
    int[] width = new int[r.arity()];
    for (String[] row : cells) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    for (int k = 0; k < cells.size(); k++) {
      String[] row = cells.get(k);
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < row.length; i++) {
        boolean number = r.types().get(i) == calm.syntax.Type.INT;
        String pad = " ".repeat(width[i] - row[i].length());
        line.append(number ? pad + row[i] : row[i] + pad);
        if (i + 1 < row.length) {
          line.append("  ");
        }
      }
      b.append(line.toString().stripTrailing()).append('\n');
      if (k == 0) {
        StringBuilder rule = new StringBuilder("  ");
        for (int i = 0; i < width.length; i++) {
          rule.append("-".repeat(width[i]));
          if (i + 1 < width.length) {
            rule.append("  ");
          }
        }
        b.append(rule).append('\n');
      }
    }
    b.append('\n');
  }
}
