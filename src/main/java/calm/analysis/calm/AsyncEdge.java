package calm.analysis.calm;

/** The last asynchronous edge on a path: where ordering or a seal would have to be added. */
public record AsyncEdge(String from, String to) {
  // written out rather than the record's own, which go through method handles that the C1 compiler
  // a large check runs with calls slowly: the points of a program share their edges through a map
  @Override
  public boolean equals(Object other) {
    return other instanceof AsyncEdge e && from.equals(e.from) && to.equals(e.to);
  }

  @Override
  public int hashCode() {
    return from.hashCode() * 31 + to.hashCode();
  }
}
