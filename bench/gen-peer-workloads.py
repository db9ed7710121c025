#!/usr/bin/env python3
"""Writes the four program-analysis workload shapes that Calm is measured on against Soufflé (issue 19).

    bench/gen-peer-workloads.py OUT_DIR [SHAPE...]      SHAPE: andersen cspa triangle strata (default all)
    SCALE=0.5 bench/gen-peer-workloads.py OUT_DIR       smaller (or larger) inputs, same shapes
    SCALE_triangle=3 ... OUT_DIR triangle              one shape's scale (overrides SCALE for it)

The sizes of docs/benchmarks.md's table: SCALE_cspa=2 SCALE_triangle=3 (andersen and strata at 1).

Each shape gets a folder OUT_DIR/<shape>_<size> laid out like ../shared/bench/*: program.calm, the same
program for Soufflé (program.dl, reading the same tab-separated REL.facts with .input and writing its
outputs with .output), the input facts, and expected.txt ("relation value" per output fact) computed
here by a plain Python oracle, independently of both engines. Seeds are fixed, so the folders are the
same on every machine. Sizes are chosen so that Soufflé's interpreter takes 1-3 s on a 2-core machine.

Outputs are counts (as in the shared workloads), so comparing two engines never costs more than the run.
All values stay below 2^31: Soufflé's default build has 32-bit numbers.
"""
import os
import random
import sys
from collections import defaultdict

SCALE = float(os.environ.get("SCALE", "1"))


def scaled(n, shape=None):
    scale = float(os.environ.get("SCALE_" + shape, SCALE)) if shape else SCALE
    return max(10, int(n * scale))


def write_facts(folder, name, rows):
    with open(os.path.join(folder, name + ".facts"), "w") as f:
        f.writelines("\t".join(str(v) for v in row) + "\n" for row in rows)


def write(folder, name, text):
    with open(os.path.join(folder, name), "w") as f:
        f.write(text)


def write_expected(folder, values):
    write(folder, "expected.txt", "".join(f"{rel} {v}\n" for rel, v in values))


def distinct_pairs(rng, count, left, right, keep=lambda a, b: True):
    pairs = set()
    while len(pairs) < count:
        a, b = rng.randrange(left), rng.randrange(right)
        if keep(a, b):
            pairs.add((a, b))
    return sorted(pairs)


# --- Andersen's inclusion-based points-to analysis -------------------------------------------------

ANDERSEN_CALM = """// Andersen's inclusion-based points-to analysis (bench/gen-peer-workloads.py andersen).
// p = &o: address_of(p, o); p = q: assign(p, q); p = *q: load(p, q); *p = q: store(p, q).
table address_of(p: int, o: int).
table assign(p: int, q: int).
table load(p: int, q: int).
table store(p: int, q: int).
table points_to(p: int, o: int).
output table chk_pts(n: int).
output table chk_ptrs(n: int).
points_to(P, O) :- address_of(P, O).
points_to(P, O) :- assign(P, Q), points_to(Q, O).
points_to(P, O) :- load(P, Q), points_to(Q, R), points_to(R, O).
points_to(R, O) :- store(P, Q), points_to(P, R), points_to(Q, O).
chk_pts(count(P)) :- points_to(P, O).
chk_ptrs(count(P)) :- points_to(P, _).
"""

ANDERSEN_DL = """// Andersen's inclusion-based points-to analysis: the Soufflé twin of program.calm.
.decl address_of(p: number, o: number)
.decl assign(p: number, q: number)
.decl load(p: number, q: number)
.decl store(p: number, q: number)
.input address_of, assign, load, store
.decl points_to(p: number, o: number)
points_to(P, O) :- address_of(P, O).
points_to(P, O) :- assign(P, Q), points_to(Q, O).
points_to(P, O) :- load(P, Q), points_to(Q, R), points_to(R, O).
points_to(R, O) :- store(P, Q), points_to(P, R), points_to(Q, O).
.decl pointer(p: number)
pointer(P) :- points_to(P, _).
.decl chk_pts(n: number)
.decl chk_ptrs(n: number)
chk_pts(N) :- N = count : { points_to(_, _) }, N > 0.
chk_ptrs(N) :- N = count : { pointer(_) }, N > 0.
.output chk_pts, chk_ptrs
"""


def andersen(out, rng):
    variables = scaled(3600, "andersen")
    objects = variables // 4
    address_of = distinct_pairs(rng, variables // 2, variables, objects)
    # objects are pointers too (they can hold addresses), as in field-insensitive C analyses
    assign = distinct_pairs(rng, variables * 3 // 5, variables, variables, lambda a, b: a != b)
    load = distinct_pairs(rng, variables // 8, variables, variables)
    store = distinct_pairs(rng, variables // 8, variables, variables)
    folder = os.path.join(out, f"andersen_v{variables}")
    os.makedirs(folder, exist_ok=True)
    write(folder, "program.calm", ANDERSEN_CALM)
    write(folder, "program.dl", ANDERSEN_DL)
    for name, rows in (("address_of", address_of), ("assign", assign), ("load", load), ("store", store)):
        write_facts(folder, name, rows)

    # oracle: the textbook worklist with difference propagation (not the rules)
    pts, delta, edges = defaultdict(set), defaultdict(set), defaultdict(set)  # edge q -> p: pts(p) >= pts(q)
    loads_from, stores_to = defaultdict(list), defaultdict(list)  # p = *q, *p = q
    for p, q in assign:
        edges[q].add(p)
    for p, q in load:
        loads_from[q].append(p)
    for p, q in store:
        stores_to[p].append(q)
    work = []

    def send(target, values):
        new = values - pts[target]
        if new:
            delta[target] |= new
            work.append(target)

    for p, o in address_of:
        send(p, {o})
    while work:
        n = work.pop()
        d = delta.pop(n, set()) - pts[n]
        if not d:
            continue
        pts[n] |= d
        for o in d:
            for p in loads_from[n]:
                if p not in edges[o]:
                    edges[o].add(p)
                    send(p, pts[o])
            for q in stores_to[n]:
                if o not in edges[q]:
                    edges[q].add(o)
                    send(o, pts[q])
        for m in edges[n]:
            send(m, d)
    write_expected(folder, [("chk_pts", sum(len(s) for s in pts.values())),
                            ("chk_ptrs", sum(1 for s in pts.values() if s))])
    return folder


# --- CSPA: value flow, memory alias, value alias ----------------------------------------------------

CSPA_CALM = """// Context-sensitive pointer analysis as in Graspan / the CSPA Datalog benchmarks
// (bench/gen-peer-workloads.py cspa): value flow, memory alias and value alias, mutually recursive.
table assign(x: int, y: int).
table dereference(x: int, y: int).
table value_flow(x: int, y: int).
table memory_alias(x: int, y: int).
table value_alias(x: int, y: int).
output table chk_vf(n: int).
output table chk_ma(n: int).
output table chk_va(n: int).
value_flow(Y, X) :- assign(Y, X).
value_flow(X, Y) :- assign(X, Z), memory_alias(Z, Y).
value_flow(X, Y) :- value_flow(X, Z), value_flow(Z, Y).
memory_alias(X, W) :- dereference(Y, X), value_alias(Y, Z), dereference(Z, W).
value_alias(X, Y) :- value_flow(Z, X), value_flow(Z, Y).
value_alias(X, Y) :- value_flow(Z, X), memory_alias(Z, W), value_flow(W, Y).
value_flow(X, X) :- assign(X, _).
value_flow(X, X) :- assign(_, X).
memory_alias(X, X) :- assign(_, X).
memory_alias(X, X) :- assign(X, _).
chk_vf(count(X)) :- value_flow(X, Y).
chk_ma(count(X)) :- memory_alias(X, Y).
chk_va(count(X)) :- value_alias(X, Y).
"""

CSPA_DL = """// CSPA: the Soufflé twin of program.calm.
.decl assign(x: number, y: number)
.decl dereference(x: number, y: number)
.input assign, dereference
.decl value_flow(x: number, y: number)
.decl memory_alias(x: number, y: number)
.decl value_alias(x: number, y: number)
value_flow(Y, X) :- assign(Y, X).
value_flow(X, Y) :- assign(X, Z), memory_alias(Z, Y).
value_flow(X, Y) :- value_flow(X, Z), value_flow(Z, Y).
memory_alias(X, W) :- dereference(Y, X), value_alias(Y, Z), dereference(Z, W).
value_alias(X, Y) :- value_flow(Z, X), value_flow(Z, Y).
value_alias(X, Y) :- value_flow(Z, X), memory_alias(Z, W), value_flow(W, Y).
value_flow(X, X) :- assign(X, _).
value_flow(X, X) :- assign(_, X).
memory_alias(X, X) :- assign(_, X).
memory_alias(X, X) :- assign(X, _).
.decl chk_vf(n: number)
.decl chk_ma(n: number)
.decl chk_va(n: number)
chk_vf(N) :- N = count : { value_flow(_, _) }, N > 0.
chk_ma(N) :- N = count : { memory_alias(_, _) }, N > 0.
chk_va(N) :- N = count : { value_alias(_, _) }, N > 0.
.output chk_vf, chk_ma, chk_va
"""


def cspa(out, rng):
    nodes = scaled(3000, "cspa")
    assign = distinct_pairs(rng, nodes // 2, nodes, nodes, lambda a, b: a != b)
    dereference = distinct_pairs(rng, nodes // 5, nodes, nodes)
    folder = os.path.join(out, f"cspa_n{nodes}")
    os.makedirs(folder, exist_ok=True)
    write(folder, "program.calm", CSPA_CALM)
    write(folder, "program.dl", CSPA_DL)
    write_facts(folder, "assign", assign)
    write_facts(folder, "dereference", dereference)

    # oracle: naive rounds over sets with adjacency indexes; slow but obviously the rules
    vf, ma, va = set(), set(), set()
    for x, y in assign:
        vf.update({(x, y), (x, x), (y, y)})
        ma.update({(x, x), (y, y)})
    deref_by_first = defaultdict(list)
    for y, x in dereference:
        deref_by_first[y].append(x)
    while True:
        vf_out, vf_in, ma_out = defaultdict(set), defaultdict(set), defaultdict(set)
        for x, y in vf:
            vf_out[x].add(y)
            vf_in[y].add(x)
        for z, w in ma:
            ma_out[z].add(w)
        new_vf = set(vf)
        for x, z in assign:
            new_vf.update((x, y) for y in ma_out[z])
        for x, z in vf:
            new_vf.update((x, y) for y in vf_out[z])
        new_va = set(va)
        for z, xs in list(vf_out.items()):
            new_va.update((x, y) for x in xs for y in xs)
            reach = set()
            for w in ma_out[z]:
                reach |= vf_out.get(w, set())
            new_va.update((x, y) for x in xs for y in reach)
        new_ma = set(ma)
        for y, z in va:
            for x in deref_by_first[y]:
                new_ma.update((x, w) for w in deref_by_first[z])
        if new_vf == vf and new_ma == ma and new_va == va:
            break
        vf, ma, va = new_vf, new_ma, new_va
    write_expected(folder, [("chk_vf", len(vf)), ("chk_ma", len(ma)), ("chk_va", len(va))])
    return folder


# --- triangle listing ------------------------------------------------------------------------------

TRIANGLE_CALM = """// Triangle listing: a three-way self-join on a random graph (bench/gen-peer-workloads.py triangle).
// Each undirected edge is stored once, smaller end first, so every triangle is found once.
table edge(x: int, y: int).
table triangle(x: int, y: int, z: int).
output table chk(n: int).
output table chk_apex(n: int).
triangle(X, Y, Z) :- edge(X, Y), edge(Y, Z), edge(X, Z).
chk(count(X)) :- triangle(X, Y, Z).
chk_apex(count(X)) :- triangle(X, _, _).
"""

TRIANGLE_DL = """// Triangle listing: the Soufflé twin of program.calm.
.decl edge(x: number, y: number)
.input edge
.decl triangle(x: number, y: number, z: number)
triangle(X, Y, Z) :- edge(X, Y), edge(Y, Z), edge(X, Z).
.decl apex(x: number)
apex(X) :- triangle(X, _, _).
.decl chk(n: number)
.decl chk_apex(n: number)
chk(N) :- N = count : { triangle(_, _, _) }, N > 0.
chk_apex(N) :- N = count : { apex(_) }, N > 0.
.output chk, chk_apex
"""


def triangle(out, rng):
    nodes = scaled(10000, "triangle")
    edges = nodes * 20
    # a power-law-ish degree skew (a few hubs), as in real graphs, so triangles are plentiful
    weights = [1.0 / (i + 10) for i in range(nodes)]
    ends = rng.choices(range(nodes), weights=weights, k=edges * 3)
    pairs = set()
    i = 0
    while len(pairs) < edges:
        a, b = ends[i % len(ends)], rng.randrange(nodes)
        i += 1
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    pairs = sorted(pairs)
    folder = os.path.join(out, f"triangle_n{nodes}_m{edges}")
    os.makedirs(folder, exist_ok=True)
    write(folder, "program.calm", TRIANGLE_CALM)
    write(folder, "program.dl", TRIANGLE_DL)
    write_facts(folder, "edge", pairs)

    succ = defaultdict(set)
    for a, b in pairs:
        succ[a].add(b)
    count, apexes = 0, 0
    for x, ys in succ.items():
        found = 0
        for y in ys:
            found += len(ys & succ.get(y, set()))
        count += found
        apexes += found > 0
    write_expected(folder, [("chk", count), ("chk_apex", apexes)])
    return folder


# --- deep stratification ---------------------------------------------------------------------------

STRATA = 12


def strata_calm():
    lines = [
        "// Deep stratification (bench/gen-peer-workloads.py strata): level after level, sources reach",
        "// what they can, what stays unreached is counted by fan-out, and the busiest unreached nodes",
        "// above a threshold seed the next level; every level is three strata over the one before.",
        "table edge(x: int, y: int).",
        "table node(x: int).",
        "table root(x: int).",
    ]
    for i in range(1, STRATA + 1):
        lines += [f"table src{i}(x: int).", f"table reach{i}(x: int, y: int).",
                  f"table reached{i}(y: int).", f"table unreached{i}(y: int).",
                  f"table fan{i}(x: int, n: int).", f"table busy{i}(x: int)."]
    lines += ["output table chk_reach(level: int, n: int).", "output table chk_busy(level: int, n: int).", ""]
    lines.append("src1(X) :- root(X).")
    for i in range(1, STRATA + 1):
        prev = f"unreached{i - 1}(Y)" if i > 1 else "node(Y)"
        lines += [
            f"reach{i}(X, Y) :- src{i}(X), edge(X, Y).",
            f"reach{i}(X, Z) :- reach{i}(X, Y), edge(Y, Z).",
            f"reached{i}(Y) :- reach{i}(_, Y).",
            f"unreached{i}(Y) :- {prev}, not reached{i}(Y).",
            f"fan{i}(X, count(Y)) :- unreached{i}(X), edge(X, Y).",
            f"busy{i}(X) :- fan{i}(X, N), N >= {2 + i % 3}.",
            f"chk_reach({i}, count(X)) :- reach{i}(X, Y).",
            f"chk_busy({i}, count(X)) :- busy{i}(X).",
        ]
        if i < STRATA:
            lines.append(f"src{i + 1}(X) :- busy{i}(X), X % {3 + i % 4} = 0.")
    return "\n".join(lines) + "\n"


def strata_dl():
    lines = [
        "// Deep stratification: the Soufflé twin of program.calm.",
        ".decl edge(x: number, y: number)",
        ".decl node(x: number)",
        ".decl root(x: number)",
        ".input edge, node, root",
        ".decl chk_reach(level: number, n: number)",
        ".decl chk_busy(level: number, n: number)",
        ".output chk_reach, chk_busy",
    ]
    for i in range(1, STRATA + 1):
        lines += [f".decl src{i}(x: number)", f".decl reach{i}(x: number, y: number)",
                  f".decl reached{i}(y: number)", f".decl unreached{i}(y: number)",
                  f".decl fan{i}(x: number, n: number)", f".decl busy{i}(x: number)"]
    lines.append("src1(X) :- root(X).")
    for i in range(1, STRATA + 1):
        prev = f"unreached{i - 1}(Y)" if i > 1 else "node(Y)"
        lines += [
            f"reach{i}(X, Y) :- src{i}(X), edge(X, Y).",
            f"reach{i}(X, Z) :- reach{i}(X, Y), edge(Y, Z).",
            f"reached{i}(Y) :- reach{i}(_, Y).",
            f"unreached{i}(Y) :- {prev}, !reached{i}(Y).",
            f"fan{i}(X, N) :- unreached{i}(X), N = count : {{ edge(X, _) }}, N > 0.",
            f"busy{i}(X) :- fan{i}(X, N), N >= {2 + i % 3}.",
            f"chk_reach({i}, N) :- N = count : {{ reach{i}(_, _) }}, N > 0.",
            f"chk_busy({i}, N) :- N = count : {{ busy{i}(_) }}, N > 0.",
        ]
        if i < STRATA:
            lines.append(f"src{i + 1}(X) :- busy{i}(X), X % {3 + i % 4} = 0.")
    return "\n".join(lines) + "\n"


def strata(out, rng):
    nodes = scaled(6000, "strata")
    edges = nodes * 3 // 2
    edge = distinct_pairs(rng, edges, nodes, nodes, lambda a, b: a != b)
    roots = sorted(rng.sample(range(nodes), max(1, nodes // 400)))
    folder = os.path.join(out, f"strata_n{nodes}_m{edges}_l{STRATA}")
    os.makedirs(folder, exist_ok=True)
    write(folder, "program.calm", strata_calm())
    write(folder, "program.dl", strata_dl())
    write_facts(folder, "edge", edge)
    write_facts(folder, "node", [(n,) for n in range(nodes)])
    write_facts(folder, "root", [(r,) for r in roots])

    succ = defaultdict(list)
    for a, b in edge:
        succ[a].append(b)
    expected = []
    sources = roots
    previous = set(range(nodes))
    for i in range(1, STRATA + 1):
        reach_count, reached = 0, set()
        for s in sources:
            seen, stack = set(), list(succ[s])
            while stack:
                y = stack.pop()
                if y not in seen:
                    seen.add(y)
                    stack.extend(succ[y])
            reach_count += len(seen)
            reached |= seen
        unreached = previous - reached
        threshold = 2 + i % 3
        busy = sorted(x for x in unreached if len(succ[x]) >= threshold)
        if reach_count:
            expected.append(("chk_reach", f"{i}\t{reach_count}"))
        if busy:
            expected.append(("chk_busy", f"{i}\t{len(busy)}"))
        sources = [x for x in busy if x % (3 + i % 4) == 0]
        previous = unreached
    write_expected(folder, [(rel, v.replace("\t", " ")) for rel, v in expected])
    return folder


SHAPES = {"andersen": andersen, "cspa": cspa, "triangle": triangle, "strata": strata}


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    chosen = sys.argv[2:] or list(SHAPES)
    for shape in chosen:
        if shape not in SHAPES:
            sys.exit(f"gen-peer-workloads: unknown shape {shape!r} (choose from {', '.join(SHAPES)})")
        print(SHAPES[shape](out, random.Random(19)))


if __name__ == "__main__":
    main()
