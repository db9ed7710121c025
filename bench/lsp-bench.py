#!/usr/bin/env python3
"""Replays edits on a generated 2,000-rule program through `calm lsp` and times each change's diagnostics.

Usage: lsp-bench.py JAR [RULES] [WARMUP] [EDITS]

Starts the server from the jar as an editor does (a separate process, LSP over its standard input and
output), opens the program, then sends one full-text change at a time, EDITS of them after WARMUP
unmeasured ones, 150 ms apart (longer than the debounce, so each is checked on its own). An edit
changes one rule: a constant, a misspelt relation (an error), the spelling put back, a new rule, its
removal. The latency of a change is from writing its didChange to reading the publishDiagnostics for
its version, so it includes the debounce, the check, the conversion and both pipes. Then a burst of
keystrokes 20 ms apart, timed from the last one.
"""
import json, os, statistics, subprocess, sys, threading, time, queue

def frame(obj):
    body = json.dumps(obj).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body

def reader(stream, out):
    while True:
        length = None
        while True:
            line = stream.readline()
            if not line:
                out.put(None)
                return
            line = line.strip()
            if not line:
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        out.put((time.perf_counter(), json.loads(stream.read(length))))

def cpu_ms(pid):
    """The process's user + system CPU time so far, from /proc (a loaded machine stretches wall time, not this)."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return 1000 * (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

def main():
    jar = sys.argv[1]
    rules = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    warmup = int(sys.argv[3]) if len(sys.argv) > 3 else 40
    edits = int(sys.argv[4]) if len(sys.argv) > 4 else 100
    here = os.path.dirname(os.path.abspath(__file__))
    text = subprocess.run([sys.executable, os.path.join(here, "gen-calm-rules.py"), str(rules)],
                          check=True, capture_output=True, text=True).stdout
    opts = os.environ.get("CALM_JAVA_OPTS", "-XX:+UseParallelGC").split()
    server = subprocess.Popen(["java", *opts, "-jar", jar, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    messages = queue.Queue()
    threading.Thread(target=reader, args=(server.stdout, messages), daemon=True).start()
    send = lambda obj: (server.stdin.write(frame(obj)), server.stdin.flush())
    uri = "file:///bench/generated.calm"

    def wait_for(version):
        while True:
            got = messages.get(timeout=120)
            if got is None:
                raise SystemExit("the server went away")
            at, msg = got
            if msg.get("method") == "textDocument/publishDiagnostics" and msg["params"].get("version") == version:
                return at, msg["params"]["diagnostics"]

    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    started = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
          "params": {"textDocument": {"uri": uri, "languageId": "calm", "version": 1, "text": text}}})
    at, diagnostics = wait_for(1)
    print(f"program: {rules} rules, {len(text.splitlines())} lines; open: {1000 * (at - started):.0f} ms, "
          f"{len(diagnostics)} diagnostics")

    lines = text.split("\n")
    target = next(i for i, l in enumerate(lines) if l.startswith("tally_0("))
    variants = [
        lambda ls: ls,
        lambda ls: ls[:target] + [ls[target].replace("log_0(K, V)", "log_00(K, V)")] + ls[target + 1:],
        lambda ls: ls[:target] + [ls[target].replace("count(V)", "count(V) ")] + ls[target + 1:],
        lambda ls: ls + ['extra_rule(K) :- shared(K), K != "x".', "scratch extra_rule(key: string)."],
        lambda ls: ls[:target + 1] + ["// a comment typed between rules"] + ls[target + 1:],
    ]
    version = 1
    latencies = []
    cpus = []
    for n in range(warmup + edits):
        version += 1
        changed = "\n".join(variants[n % len(variants)](lines))
        time.sleep(0.15)
        sent = time.perf_counter()
        cpu_before = cpu_ms(server.pid)
        send({"jsonrpc": "2.0", "method": "textDocument/didChange",
              "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": changed}]}})
        at, _ = wait_for(version)
        if n >= warmup:
            latencies.append(1000 * (at - sent))
            cpus.append(cpu_ms(server.pid) - cpu_before)
    latencies.sort()
    p90 = latencies[int(0.9 * (len(latencies) - 1))]
    print(f"change -> diagnostics over {edits} edits after {warmup} of warm-up: median {statistics.median(latencies):.0f} ms, "
          f"p90 {p90:.0f} ms, max {latencies[-1]:.0f} ms; server CPU per change: median {statistics.median(cpus):.0f} ms")

    burst = []
    for k in range(10):
        version += 1
        typed = "\n".join(lines[:target + 1] + ["// typing" + "x" * k] + lines[target + 1:])
        send({"jsonrpc": "2.0", "method": "textDocument/didChange",
              "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": typed}]}})
        last = time.perf_counter()
        time.sleep(0.02)
    at, _ = wait_for(version)
    print(f"10 keystrokes 20 ms apart: diagnostics {1000 * (at - last):.0f} ms after the last one")
    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    send({"jsonrpc": "2.0", "method": "exit"})
    server.wait(timeout=30)

if __name__ == "__main__":
    main()
