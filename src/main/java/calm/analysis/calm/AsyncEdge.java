package calm.analysis.calm;

/** The last asynchronous edge on a path: where ordering or a seal would have to be added. */
public record AsyncEdge(String from, String to) {}
