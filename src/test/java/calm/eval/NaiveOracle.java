package calm.eval;

import calm.analysis.graph.DependencyGraph;
import calm.analysis.graph.Schema;
import calm.analysis.graph.Stratification;
import calm.syntax.Aggregate;
import calm.syntax.Atom;
import calm.syntax.BinaryExpr;
import calm.syntax.Comparison;
import calm.syntax.Constant;
import calm.syntax.Declaration;
import calm.syntax.Expr;
import calm.syntax.Fact;
import calm.syntax.HeadForm;
import calm.syntax.Literal;
import calm.syntax.NegatedLiteral;
import calm.syntax.Negation;
import calm.syntax.PositiveLiteral;
import calm.syntax.Program;
import calm.syntax.Rule;
import calm.syntax.Term;
import calm.syntax.Variable;
import calm.syntax.Wildcard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deliberately naive evaluator of pure stratified Datalog, the engine's oracle: relations are sets of
 * lists of boxed values, a rule is evaluated by enumerating every combination of its positive atoms'
 * facts in body order and only then solving '=' bindings and testing comparisons and negations, each
 * stratum is iterated until nothing changes. No indexes, no deltas, no planning.
 */
final class NaiveOracle {
  private final Program program;
  private final Map<String, Set<List<Object>>> relations = new LinkedHashMap<>();

  NaiveOracle(Program program) {
    this.program = program;
  }

  static Map<String, Set<List<Object>>> evaluate(Program program) {
    return new NaiveOracle(program).run();
  }

  private Map<String, Set<List<Object>>> run() {
    Schema schema = Schema.of(program);
    for (Declaration d : schema.declarations()) {
      relations.put(d.name().text(), new HashSet<>());
    }
    for (Fact f : program.facts()) {
      List<Object> t = new ArrayList<>();
      f.values().forEach(c -> t.add(c.javaValue()));
      insert(f.relation().text(), t);
    }
    Stratification strata = Stratification.of(DependencyGraph.of(schema, program.rules()));
    int top = strata.strataCount();
    for (int s = 0; s < top; s++) {
      List<Rule> rules = new ArrayList<>();
      for (Rule r : program.rules()) {
        if (r.head().form() == HeadForm.SAME_TICK
            && strata.stratumOf(r.head().atom().relation().text()) == s) {
          rules.add(r);
        }
      }
      boolean changed = true;
      while (changed) {
        changed = false;
        for (Rule r : rules) {
          for (List<Object> t : derive(r)) {
            changed |= insert(r.head().atom().relation().text(), t);
          }
        }
      }
    }
    return relations;
  }

  /**
   * Adds a fact; in a lattice table (§11) the key's row becomes the join of the old values and the new,
   * column by column (ints only: the oracle's programs use no string lattices).
   */
  private boolean insert(String relation, List<Object> tuple) {
    Declaration d = Schema.of(program).get(relation);
    Set<List<Object>> facts = relations.get(relation);
    if (!d.isLatticeTable()) {
      return facts.add(tuple);
    }
    int key = d.keyColumns();
    for (List<Object> held : facts) {
      if (held.subList(0, key).equals(tuple.subList(0, key))) {
        List<Object> joined = new ArrayList<>(held);
        for (int c = key; c < d.arity(); c++) {
          long a = (Long) held.get(c);
          long b = (Long) tuple.get(c);
          joined.set(c, d.columns().get(c).lattice() == calm.syntax.Lattice.MAX ? Math.max(a, b) : Math.min(a, b));
        }
        if (joined.equals(held)) {
          return false;
        }
        facts.remove(held);
        facts.add(joined);
        return true;
      }
    }
    return facts.add(tuple);
  }

  private List<List<Object>> derive(Rule rule) {
    List<Map<String, Object>> envs = new ArrayList<>();
    envs.add(new HashMap<>());
    for (Literal l : rule.body()) {
      if (l instanceof PositiveLiteral p) {
        List<Map<String, Object>> next = new ArrayList<>();
        for (Map<String, Object> env : envs) {
          for (List<Object> t : relations.get(p.atom().relation().text())) {
            Map<String, Object> e = unify(p.atom(), t, env);
            if (e != null) {
              next.add(e);
            }
          }
        }
        envs = next;
      }
    }
    List<Map<String, Object>> solutions = new ArrayList<>();
    for (Map<String, Object> env : envs) {
      if (solveAndTest(rule, env)) {
        solutions.add(env);
      }
    }
    Atom head = rule.head().atom();
    List<List<Object>> out = new ArrayList<>();
    if (!rule.isAggregate()) {
      for (Map<String, Object> env : solutions) {
        List<Object> t = new ArrayList<>();
        for (Term term : head.arguments()) {
          t.add(value((Expr) term, env));
        }
        out.add(t);
      }
      return out;
    }
    // distinct assignments of the body's named variables (their maps already hold exactly those)
    Set<Map<String, Object>> distinct = new LinkedHashSet<>(solutions);
    Map<List<Object>, List<Long>> groups = new LinkedHashMap<>();
    int position = -1;
    Aggregate aggregate = null;
    for (int i = 0; i < head.arity(); i++) {
      if (head.arguments().get(i) instanceof Aggregate a) {
        position = i;
        aggregate = a;
      }
    }
    for (Map<String, Object> env : distinct) {
      List<Object> key = new ArrayList<>();
      for (int i = 0; i < head.arity(); i++) {
        if (i != position) {
          key.add(value((Expr) head.arguments().get(i), env));
        }
      }
      Object v = value(aggregate.argument(), env);
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(v instanceof Long n ? n : 0L);
    }
    for (Map.Entry<List<Object>, List<Long>> g : groups.entrySet()) {
      List<Long> vs = g.getValue();
      long result =
          switch (aggregate.function()) {
            case COUNT -> vs.size();
            case SUM -> vs.stream().reduce(0L, Math::addExact);
            case MIN -> vs.stream().min(Long::compare).orElseThrow();
            case MAX -> vs.stream().max(Long::compare).orElseThrow();
          };
      List<Object> t = new ArrayList<>(g.getKey());
      t.add(position, result);
      out.add(t);
    }
    return out;
  }

  private boolean solveAndTest(Rule rule, Map<String, Object> env) {
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Literal l : rule.body()) {
        if (l instanceof Comparison c && c.operator() == calm.syntax.ComparisonOperator.EQ) {
          if (c.left() instanceof Variable v && !env.containsKey(v.name()) && bound(c.right(), env)) {
            env.put(v.name(), value(c.right(), env));
            progress = true;
          } else if (c.right() instanceof Variable v && !env.containsKey(v.name()) && bound(c.left(), env)) {
            env.put(v.name(), value(c.left(), env));
            progress = true;
          }
        }
      }
    }
    for (Literal l : rule.body()) {
      if (l instanceof Comparison c) {
        Object a = value(c.left(), env);
        Object b = value(c.right(), env);
        int cmp = a instanceof Long x && b instanceof Long y ? Long.compare(x, y) : a.toString().compareTo(b.toString());
        boolean pass =
            switch (c.operator()) {
              case EQ -> a.equals(b);
              case NE -> !a.equals(b);
              case LT -> cmp < 0;
              case LE -> cmp <= 0;
              case GT -> cmp > 0;
              case GE -> cmp >= 0;
            };
        if (!pass) {
          return false;
        }
      } else if (l instanceof NegatedLiteral n) {
        for (List<Object> t : relations.get(n.atom().relation().text())) {
          if (unify(n.atom(), t, env) != null) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static boolean bound(Expr e, Map<String, Object> env) {
    if (e instanceof Variable v) {
      return env.containsKey(v.name());
    }
    if (e instanceof Negation n) {
      return bound(n.operand(), env);
    }
    if (e instanceof BinaryExpr b) {
      return bound(b.left(), env) && bound(b.right(), env);
    }
    return true;
  }

  private static Map<String, Object> unify(Atom atom, List<Object> tuple, Map<String, Object> env) {
    // copied at the first new binding: most tuples fail to match, and copying for each of them was
    // most of the oracle's time
    Map<String, Object> e = env;
    for (int i = 0; i < tuple.size(); i++) {
      Term t = atom.arguments().get(i);
      Object v = tuple.get(i);
      if (t instanceof Wildcard) {
        continue;
      }
      if (t instanceof Constant c) {
        if (!c.javaValue().equals(v)) {
          return null;
        }
      } else if (t instanceof Variable var) {
        Object old = e.get(var.name());
        if (old == null) {
          if (e == env) {
            e = new HashMap<>(env);
          }
          e.put(var.name(), v);
        } else if (!old.equals(v)) {
          return null;
        }
      }
    }
    return e == env ? new HashMap<>(env) : e;
  }

  private static Object value(Expr e, Map<String, Object> env) {
    if (e instanceof Constant c) {
      return c.javaValue();
    }
    if (e instanceof Variable v) {
      Object x = env.get(v.name());
      if (x == null) {
        throw new IllegalStateException("unbound " + v.name());
      }
      return x;
    }
    if (e instanceof Negation n) {
      return Math.negateExact((Long) value(n.operand(), env));
    }
    BinaryExpr b = (BinaryExpr) e;
    long x = (Long) value(b.left(), env);
    long y = (Long) value(b.right(), env);
    return switch (b.operator()) {
      case ADD -> Math.addExact(x, y);
      case SUBTRACT -> Math.subtractExact(x, y);
      case MULTIPLY -> Math.multiplyExact(x, y);
      case DIVIDE -> {
        if (x == Long.MIN_VALUE && y == -1) {
          throw new ArithmeticException("long overflow");
        }
        yield x / y;
      }
      case REMAINDER -> x % y;
    };
  }
}
