#!/usr/bin/env python3
"""How soon `calm lsp` answers an editor that has just started it: from the process's start to the
reply to `initialize`, and to the first `publishDiagnostics` of a program opened right after. Runs
each launcher in turn, RUNS rounds, and prints the medians and ranges.

Usage: bench/lsp-start.py [--runs N] FILE LAUNCHER...
  e.g. bench/lsp-start.py --runs 9 examples/16-bloom-carts/disorderly.calm /tmp/base/calm ./calm
"""
import json, os, statistics, subprocess, sys, time

def frame(obj):
    body = json.dumps(obj).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body

def message(stream):
    length = None
    while True:
        line = stream.readline()
        if not line:
            return None
        line = line.strip()
        if not line:
            break
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    return json.loads(stream.read(length))

def one(launcher, path, text):
    start = time.perf_counter()
    server = subprocess.Popen([launcher, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL)
    server.stdin.write(frame({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                              "params": {"processId": None, "rootUri": None, "capabilities": {}}}))
    server.stdin.write(frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
    server.stdin.write(frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": "file://" + os.path.abspath(path), "languageId": "calm", "version": 1, "text": text}}}))
    server.stdin.flush()
    initialized = diagnosed = None
    while diagnosed is None:
        reply = message(server.stdout)
        if reply is None:
            sys.exit(f"lsp-start: {launcher} lsp ended before its diagnostics")
        if reply.get("id") == 1:
            initialized = time.perf_counter() - start
        if reply.get("method") == "textDocument/publishDiagnostics":
            diagnosed = time.perf_counter() - start
    server.stdin.write(frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))
    server.stdin.write(frame({"jsonrpc": "2.0", "method": "exit"}))
    server.stdin.close()
    server.wait(timeout=30)
    return initialized, diagnosed

def main():
    args = sys.argv[1:]
    runs = 7
    if args[:1] == ["--runs"]:
        runs = int(args[1])
        args = args[2:]
    if len(args) < 2:
        sys.exit(__doc__)
    path, launchers = args[0], args[1:]
    text = open(path, encoding="utf-8").read()
    for launcher in launchers:
        one(launcher, path, text)  # builds the jar and its archives, outside the timings
    times = {launcher: [] for launcher in launchers}
    for _ in range(runs):
        for launcher in launchers:
            times[launcher].append(one(launcher, path, text))
    for launcher in launchers:
        init = [t[0] for t in times[launcher]]
        diag = [t[1] for t in times[launcher]]
        print(f"{launcher}: initialize answered {statistics.median(init):.3f} s ({min(init):.3f}-{max(init):.3f}), "
              f"first diagnostics {statistics.median(diag):.3f} s ({min(diag):.3f}-{max(diag):.3f}), {runs} runs")

if __name__ == "__main__":
    main()
