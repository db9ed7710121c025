package calm.analysis;

import calm.syntax.Program;

/** What every check may read: the program and its declared relations. */
public record CheckContext(Program program, Schema schema) {}
