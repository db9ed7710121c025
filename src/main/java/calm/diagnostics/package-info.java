/**
 * What every stage reports: {@link calm.diagnostics.Code} declares each diagnostic once (id, default
 * severity, one-line summary; the long explanation is a resource under
 * {@code calm/diagnostics/explanations/}), and {@link calm.diagnostics.Diagnostic} is one finding at
 * a place in a file. {@code calm explain} and {@code docs/diagnostics/} are generated from here. The
 * bottom of the pipeline: it imports no other package of ours but the plain position a diagnostic
 * carries; see docs/architecture.md.
 */
package calm.diagnostics;
