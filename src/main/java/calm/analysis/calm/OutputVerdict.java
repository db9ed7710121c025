package calm.analysis.calm;

/** The verdict for one output relation and the coordination points upstream of it. */
public record OutputVerdict(String relation, Verdict verdict, PointLines pointLines) {}
