package calm.analysis.calm;

import calm.syntax.Literal;
import com.google.common.collect.Iterators;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A point's reason literals per kind, in the enum's order: the map of {@link PointDraft#reasons}.
 *
 * <p>A million-rule program has half a million points, each kept until the report is written. An
 * {@code EnumMap} of growable lists took about 210 bytes a point (the map, its array, a list with
 * room for ten, and the three views the passes ask for, which the map keeps); this takes the
 * immutable lists themselves and an array of one slot per kind, and its views are made when asked.
 */
final class PointReasons extends AbstractMap<PointKind, List<Literal>> {
  private static final PointKind[] KINDS = PointKind.values();

  @SuppressWarnings("unchecked")
  private final List<Literal>[] byKind = new List[KINDS.length];

  private int size;

  void add(PointKind kind, Literal literal) {
    List<Literal> known = byKind[kind.ordinal()];
    if (known == null) {
      byKind[kind.ordinal()] = List.of(literal);
      size++;
      return;
    }
    // a kind has a reason or two per rule: an immutable list of the exact size, copied on growth
    Literal[] grown = known.toArray(new Literal[known.size() + 1]);
    grown[known.size()] = literal;
    byKind[kind.ordinal()] = List.of(grown);
  }

  @Override
  public List<Literal> get(Object kind) {
    return kind instanceof PointKind k ? byKind[k.ordinal()] : null;
  }

  @Override
  public boolean containsKey(Object kind) {
    return get(kind) != null;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean isEmpty() {
    return size == 0;
  }

  @Override
  public Set<Entry<PointKind, List<Literal>>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<PointKind, List<Literal>>> iterator() {
        return new Iterator<>() {
          private int next = advance(0);

          private int advance(int from) {
            int at = from;
            while (at < byKind.length && byKind[at] == null) {
              at++;
            }
            return at;
          }

          @Override
          public boolean hasNext() {
            return next < byKind.length;
          }

          @Override
          public Entry<PointKind, List<Literal>> next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            Entry<PointKind, List<Literal>> entry = Map.entry(KINDS[next], byKind[next]);
            next = advance(next + 1);
            return entry;
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  // AbstractMap keeps the key and value views it makes; these are made afresh, and are garbage at once
  @Override
  public Set<PointKind> keySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<PointKind> iterator() {
        return Iterators.transform(entrySet().iterator(), Entry::getKey);
      }

      @Override
      public boolean contains(Object kind) {
        return containsKey(kind);
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  @Override
  public java.util.Collection<List<Literal>> values() {
    return new java.util.AbstractCollection<>() {
      @Override
      public Iterator<List<Literal>> iterator() {
        return Iterators.transform(entrySet().iterator(), Entry::getValue);
      }

      @Override
      public int size() {
        return size;
      }
    };
  }
}
