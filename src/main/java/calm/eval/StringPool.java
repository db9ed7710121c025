package calm.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Strings as small integers, so that every column of every tuple is a {@code long}. Equal strings get
 * equal ids; ids say nothing about order (ordering compares the strings themselves).
 */
public final class StringPool {
  private final Map<String, Integer> ids = new HashMap<>();
  private final List<String> strings = new ArrayList<>();

  public synchronized long intern(String value) {
    Integer id = ids.get(value);
    if (id == null) {
      id = strings.size();
      strings.add(value);
      ids.put(value, id);
    }
    return id;
  }

  public synchronized String string(long id) {
    return strings.get((int) id);
  }

  public synchronized int size() {
    return strings.size();
  }
}
