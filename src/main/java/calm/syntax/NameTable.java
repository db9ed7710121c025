package calm.syntax;

import java.util.Map;
import org.antlr.v4.runtime.Token;

/**
 * The names of one parse thread, looked up by the characters of their tokens: a name met before is
 * found without making a String of it and without asking the map that all threads share. A large file
 * names its relations and variables over and over (a million name tokens in the 100,000-rule
 * benchmark, a few thousand distinct): each used to become a new String, hashed and compared in the
 * shared map, where the two parse threads met, a seventh of the parse's CPU.
 *
 * <p>It reads the text the tokens were lexed from by their start and stop indexes, which ANTLR counts
 * in code points: it is made only for a text where those are its chars (one without characters
 * outside the Basic Multilingual Plane).
 */
final class NameTable {
  private final String text;
  /** Where in {@link #text} the tokens' indexes count from: the start of the part being read. */
  private int offset;
  private final Map<String, String> shared;
  private String[] names;
  private int[] hashes;
  private int size;

  /**
   * A table for the tokens of a lexer that starts at the text's beginning ({@link #startingAt} moves
   * it to a later part's).
   *
   * @param text what the tokens were lexed from, indexed by char
   * @param shared the names of every thread, each mapped to itself: the one String per name
   */
  NameTable(String text, Map<String, String> shared) {
    this.text = text;
    this.shared = shared;
    this.names = new String[1024];
    this.hashes = new int[1024];
  }

  /** The table, for the tokens of a lexer that starts at {@code offset} in the text; the names met so far are kept. */
  NameTable startingAt(int offset) {
    this.offset = offset;
    return this;
  }

  /** The one String of the token's text. */
  String of(Token token) {
    int start = offset + token.getStartIndex();
    int end = offset + token.getStopIndex() + 1;
    int hash = 0;
    for (int i = start; i < end; i++) {
      hash = 31 * hash + text.charAt(i);
    }
    int mask = names.length - 1;
    for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
      String name = names[slot];
      if (name == null) {
        return add(slot, hash, start, end);
      }
      if (hashes[slot] == hash && name.length() == end - start && text.regionMatches(start, name, 0, end - start)) {
        return name;
      }
    }
  }

  private String add(int slot, int hash, int start, int end) {
    String fresh = text.substring(start, end);
    String known = shared.putIfAbsent(fresh, fresh);
    String name = known == null ? fresh : known;
    names[slot] = name;
    hashes[slot] = hash;
    if (++size * 2 > names.length) {
      grow();
    }
    return name;
  }

  private void grow() {
    String[] oldNames = names;
    int[] oldHashes = hashes;
    names = new String[oldNames.length * 2];
    hashes = new int[oldNames.length * 2];
    int mask = names.length - 1;
    for (int i = 0; i < oldNames.length; i++) {
      if (oldNames[i] != null) {
        int slot = spread(oldHashes[i]) & mask;
        while (names[slot] != null) {
          slot = (slot + 1) & mask;
        }
        names[slot] = oldNames[i];
        hashes[slot] = oldHashes[i];
      }
    }
  }

  /** Names differ mostly in their last characters (r1, r2, ...): every bit of the hash mixed into the low ones. */
  private static int spread(int hash) {
    int h = (hash ^ (hash >>> 16)) * 0x85EBCA6B;
    return h ^ (h >>> 13);
  }
}
