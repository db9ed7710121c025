#!/usr/bin/env python3
"""Writes a large, error-free Calm program for benchmarking `calm check`.

usage: gen-rules.py N [SEED] > program.calm

N rules over about N/10 relations (tables, scratch, inputs, channels), in a realistic mix: joins,
recursion, comparisons and '=' bindings, stratified negation, aggregates, @next, delete, channel
sends and receives, plus one fact per table and input. Relations only read lower-numbered ones
through negation and aggregation, so the program is stratifiable; unread relations are outputs, so
it checks without warnings.
"""
import random
import sys


def main():
    n = int(sys.argv[1])
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    count = max(20, n // 10)
    kinds = []
    for i in range(count):
        r = rng.random()
        kinds.append("input" if i < 2 or r < 0.08 else "channel" if r < 0.13 else "scratch" if r < 0.23 else "table")
    names = [f"r{i}" for i in range(count)]
    derivable = [i for i in range(count) if kinds[i] != "input"]
    plain = [i for i in range(count) if kinds[i] != "channel"]
    read = set()
    rules = []

    def lower_plain(h):
        """A relation below h that is not a channel (2 int columns)."""
        while True:
            j = plain[rng.randrange(len(plain))]
            if j < h:
                read.add(j)
                return names[j]

    def lower_channel(h):
        cands = [j for j in range(min(h, 200)) if kinds[j] == "channel"]
        return None if not cands else cands[rng.randrange(len(cands))]

    for k in range(n):
        h = derivable[rng.randrange(len(derivable))]
        while h < 3:
            h = derivable[rng.randrange(len(derivable))]
        head = names[h]
        if kinds[h] == "channel":
            rules.append(f'{head}("node{k % 7}", X, Y)@async :- {lower_plain(h)}(X, Y), X != {k}.')
            continue
        r = rng.random()
        if r < 0.30:
            rules.append(f"{head}(X, Z) :- {lower_plain(h)}(X, Y), {lower_plain(h)}(Y, Z).")
        elif r < 0.40:
            read.add(h)
            rules.append(f"{head}(X, Z) :- {head}(X, Y), {lower_plain(h)}(Y, Z).")
        elif r < 0.55:
            rules.append(f"{head}(X, Z) :- {lower_plain(h)}(X, Y), Z = Y + {k % 13}, X < {k}.")
        elif r < 0.70:
            a, b = lower_plain(h), lower_plain(h)
            rules.append(f"{head}(X, Y) :- {a}(X, Y), not {b}(Y, _).")
        elif r < 0.78:
            agg = ["count", "sum", "min", "max"][k % 4]
            rules.append(f"{head}(X, {agg}(Y)) :- {lower_plain(h)}(X, Y).")
        elif r < 0.88:
            read.add(h)
            rules.append(f"{head}(X, Y)@next :- {lower_plain(h)}(X, Y), not {head}(Y, X).")
        elif r < 0.93 and kinds[h] == "table":
            read.add(h)
            rules.append(f"delete {head}(X, Y) :- {head}(X, Y), {lower_plain(h)}(X, _), Y > {k % 100}.")
        else:
            c = lower_channel(h)
            if c is None:
                rules.append(f"{head}(X, Y) :- {lower_plain(h)}(X, Y), Y >= 0.")
            else:
                read.add(c)
                rules.append(f"{head}(X, Y) :- {names[c]}(_, X, Y).")
    out = sys.stdout
    out.write(f"// {n} generated rules over {count} relations (bench/gen-rules.py)\n")
    for i in range(count):
        output = "output " if i not in read else ""
        if kinds[i] == "channel":
            out.write(f"{output}channel {names[i]}(@to: string, a: int, b: int).\n")
        else:
            out.write(f"{output}{kinds[i]} {names[i]}(a: int, b: int).\n")
    for i in range(count):
        if kinds[i] in ("table", "input"):
            out.write(f"{names[i]}({i}, {i + 1}).\n")
    derived = {int(rule.split("(")[0].replace("delete ", "").strip()[1:]) for rule in rules}
    for i in range(count):
        if kinds[i] in ("scratch", "channel") and i not in derived:
            src = names[plain[0]] if plain[0] != i else names[plain[1]]
            if kinds[i] == "channel":
                out.write(f'{names[i]}("node0", X, Y)@async :- {src}(X, Y).\n')
            else:
                out.write(f"{names[i]}(X, Y) :- {src}(X, Y).\n")
    out.write("\n".join(rules))
    out.write("\n")


if __name__ == "__main__":
    main()
