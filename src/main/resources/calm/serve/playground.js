// The CALM playground page: the editor, the check (diagnostics, verdicts, graph) as you type, the
// explorer's witnesses, and the program kept in the URL fragment (#p=base64url of UTF-8) for links.
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const state = {checked: 0, graphs: 0, lastCheck: null};

  // read before the editor exists: its first check rewrites the fragment with what it holds
  const shared = programFromFragment();

  mermaid.initialize({startOnLoad: false, securityLevel: "strict", theme: "default"});

  const editor = CodeMirror.fromTextArea($("source"), {
    mode: "calm",
    lineNumbers: true,
    gutters: ["CodeMirror-lint-markers"],
    lint: {getAnnotations: lint, async: true, delay: 300}
  });
  window.calmEditor = editor; // for tests and the curious

  function setStatus(text, isError) {
    $("status").textContent = text;
    $("status").className = isError ? "error" : "";
  }

  // --- the URL fragment -------------------------------------------------------------------------
  function encodeProgram(text) {
    const bytes = new TextEncoder().encode(text);
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function decodeProgram(encoded) {
    const base64 = encoded.replace(/-/g, "+").replace(/_/g, "/");
    const binary = atob(base64 + "===".slice((base64.length + 3) % 4));
    return new TextDecoder("utf-8", {fatal: true}).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  }

  function programFromFragment() {
    const match = /^#p=([A-Za-z0-9_-]*)$/.exec(location.hash);
    if (!match) return null;
    try {
      return decodeProgram(match[1]);
    } catch (e) {
      setStatus("the link's program could not be read (" + e.message + ")", true);
      return null;
    }
  }

  function remember(text) {
    history.replaceState(null, "", "#p=" + encodeProgram(text));
  }

  // --- requests ---------------------------------------------------------------------------------
  async function post(path, body) {
    let response;
    try {
      response = await fetch(path, {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
    } catch (e) {
      return {ok: false, status: 0, doc: {error: "the playground server does not answer (" + e.message + ")"}};
    }
    let doc;
    try {
      doc = await response.json();
    } catch (e) {
      doc = {error: "the server's answer was not JSON (status " + response.status + ")"};
    }
    return {ok: response.ok, status: response.status, doc: doc};
  }

  // --- check: diagnostics, verdicts, graph ------------------------------------------------------
  async function lint(text, update, options, cm) {
    const seq = ++state.checked;
    remember(text);
    setStatus("checking…");
    const reply = await post("/api/check", {program: text});
    if (seq !== state.checked) return; // a newer edit is on its way
    if (!reply.ok) {
      setStatus(reply.doc.error || "the check failed", true);
      update(cm, []);
      return;
    }
    const report = reply.doc.report;
    state.lastCheck = report;
    update(cm, report.diagnostics.map(annotation));
    showDiagnostics(report.diagnostics);
    showVerdicts(report);
    await showGraph(reply.doc.mermaid);
    // C-codes are the analysis's coordination points: findings about the design, not mistakes
    const errors = report.diagnostics.filter((d) => d.severity === "error" && !d.code.startsWith("C")).length;
    const points = report.coordinationPoints.filter((p) => p.status === "unacknowledged").length;
    const summary = [];
    if (errors) summary.push(errors + (errors === 1 ? " error" : " errors"));
    if (points) summary.push(points + (points === 1 ? " coordination point" : " coordination points"));
    setStatus(summary.length ? summary.join(", ") : "checked: no errors, no open coordination point", errors > 0);
    document.body.dataset.checked = String(seq);
  }

  function annotation(d) {
    const from = CodeMirror.Pos(d.line - 1, d.column - 1);
    let to = CodeMirror.Pos(d.endLine - 1, d.endColumn - 1);
    if (to.line === from.line && to.ch <= from.ch) to = CodeMirror.Pos(from.line, from.ch + 1);
    const help = d.help ? "\n" + d.help.join("\n") : "";
    return {from: from, to: to, severity: d.severity === "error" ? "error" : "warning",
      message: d.severity + "[" + d.code + "]: " + d.message + help};
  }

  function showDiagnostics(diagnostics) {
    const box = $("diagnostics");
    box.replaceChildren();
    for (const d of diagnostics) {
      const line = document.createElement("div");
      line.className = "diagnostic " + d.severity;
      line.textContent = d.line + ":" + d.column + ": " + d.severity + "[" + d.code + "]: " + d.message;
      line.addEventListener("click", () => { editor.setCursor(d.line - 1, d.column - 1); editor.focus(); });
      box.appendChild(line);
    }
  }

  function cell(row, text, className) {
    const td = document.createElement("td");
    td.textContent = text;
    if (className) td.className = className;
    row.appendChild(td);
    return td;
  }

  function showVerdicts(report) {
    const body = $("verdicts").tBodies[0];
    body.replaceChildren();
    for (const o of report.outputs) {
      const row = body.insertRow();
      cell(row, o.relation);
      cell(row, o.verdict, "verdict verdict-" + o.verdict);
      cell(row, o.pointLines.join(", "));
    }
    const constraints = report.constraints || [];
    $("constraints-box").hidden = constraints.length === 0;
    const cbody = $("constraints").tBodies[0];
    cbody.replaceChildren();
    for (const c of constraints) {
      const row = cbody.insertRow();
      cell(row, String(c.line));
      cell(row, c.name == null ? "(line " + c.line + ")" : c.name);
      cell(row, c.verdict, "verdict verdict-" + c.verdict);
      cell(row, (c.pointLines || []).join(", "));
    }
  }

  async function showGraph(text) {
    const box = $("graph");
    if (text == null) {
      box.textContent = "(no graph while the program has errors)";
      return;
    }
    try {
      const drawn = await mermaid.render("calm-graph-" + (++state.graphs), text);
      box.innerHTML = drawn.svg; // mermaid's own output, rendered with securityLevel "strict"
    } catch (e) {
      box.textContent = "the graph could not be drawn: " + e.message;
    }
  }

  // --- explore: outcomes and witnesses -----------------------------------------------------------
  async function explore() {
    const button = $("explore");
    button.disabled = true;
    setStatus("exploring schedules…");
    const reply = await post("/api/explore", {program: editor.getValue(), runs: 200, seed: 1});
    button.disabled = false;
    $("exploration").hidden = false;
    const witnesses = $("witnesses");
    witnesses.replaceChildren();
    $("explore-outputs").tBodies[0].replaceChildren();
    if (!reply.ok) {
      $("explore-summary").textContent = reply.doc.error;
      setStatus(reply.doc.error, true);
      return;
    }
    const doc = reply.doc;
    let summary = doc.completedRuns + " of " + doc.runs + " schedules run (seed " + doc.seed + ")";
    if (doc.sealViolations) summary += "; " + doc.sealViolations + " runs broke a seal's promise";
    if (doc.error) summary += "; run " + doc.error.run + " failed: " + doc.error.message;
    $("explore-summary").textContent = summary;
    const body = $("explore-outputs").tBodies[0];
    for (const o of doc.outputs) {
      const row = body.insertRow();
      cell(row, o.relation);
      cell(row, o.verdict, "verdict verdict-" + o.verdict);
      cell(row, String(o.observedOutcomes));
      cell(row, String(o.finalOutcomes));
      cell(row, o.witness ? (o.finalOutcomes > 1 ? "differs" : "differs on the way") : "same in every run",
        o.witness ? "diff" : "");
      if (o.witness) witnesses.appendChild(witness("Output " + o.relation, o.witness, "schedule A", "schedule B"));
    }
    for (const c of doc.constraints || []) {
      const name = c.name == null ? "line " + c.line : c.name;
      const p = document.createElement("p");
      p.textContent = "Constraint " + name + ": violated in " + c.violatedRuns + " of " + c.runs + " runs";
      witnesses.appendChild(p);
      if (c.witness) witnesses.appendChild(witness("Constraint " + name, c.witness, "violating schedule", "schedule that keeps it"));
    }
    setStatus(doc.error ? "a run failed: " + doc.error.message : "explored", Boolean(doc.error));
    document.body.dataset.explored = "yes";
  }

  function witness(title, w, labelA, labelB) {
    const box = document.createElement("div");
    box.className = "witness";
    const h = document.createElement("h3");
    h.textContent = title + (w.kind ? " (" + w.kind + " outcome differs)" : "");
    box.appendChild(h);
    if (w.differingDeliveries && w.differingDeliveries.length) {
      const list = document.createElement("ul");
      for (const d of w.differingDeliveries) {
        const item = document.createElement("li");
        item.className = "diff";
        item.textContent = d.fact + " on " + d.route + ": " + d.a + " in A, " + d.b + " in B";
        list.appendChild(item);
      }
      box.appendChild(list);
    }
    const sides = document.createElement("div");
    sides.className = "timelines";
    if (w.a) sides.appendChild(side(labelA, w.a));
    if (w.b) sides.appendChild(side(labelB, w.b));
    if (!w.a && w.timeline) sides.appendChild(side(labelA, w));
    box.appendChild(sides);
    return box;
  }

  function side(label, s) {
    const box = document.createElement("div");
    box.className = "timeline";
    const h = document.createElement("h3");
    h.textContent = label + (s.replay ? " — calm explore --replay " + s.replay : "");
    box.appendChild(h);
    const only = new Set((s.only || []).map((f) => f.node + " " + f.fact));
    for (const t of s.timeline || []) {
      const tick = document.createElement("div");
      tick.className = "tick";
      tick.textContent = "tick " + t.tick;
      for (const e of t.events) {
        const line = document.createElement("div");
        line.className = "event " + e.kind + (e.marked ? " marked" : "");
        line.textContent = "  " + e.kind + " " + e.fact + " at " + e.node + (e.from ? " from " + e.from : "");
        tick.appendChild(line);
      }
      box.appendChild(tick);
    }
    if (s.outcome) {
      const out = document.createElement("div");
      out.textContent = "outcome:";
      for (const f of s.outcome) {
        const line = document.createElement("div");
        line.className = "fact" + (only.has(f.node + " " + f.fact) ? " only" : "");
        line.textContent = "  " + f.fact + " at " + f.node;
        out.appendChild(line);
      }
      box.appendChild(out);
    }
    return box;
  }

  // --- examples and sharing ---------------------------------------------------------------------
  async function loadExamples() {
    let names = [];
    try {
      const response = await fetch("/api/examples");
      names = (await response.json()).examples || [];
    } catch (e) {
      setStatus("the examples could not be listed", true);
    }
    const select = $("examples");
    for (const name of names) {
      const option = document.createElement("option");
      option.value = option.textContent = name;
      select.appendChild(option);
    }
    return names;
  }

  async function openExample(name) {
    if (!name) return;
    const response = await fetch("/api/example?name=" + encodeURIComponent(name));
    if (!response.ok) {
      setStatus("example " + name + " could not be read", true);
      return;
    }
    editor.setValue(await response.text());
    $("exploration").hidden = true;
  }

  $("examples").addEventListener("change", (e) => openExample(e.target.value));
  $("explore").addEventListener("click", explore);
  $("share").addEventListener("click", async () => {
    remember(editor.getValue());
    try {
      await navigator.clipboard.writeText(location.href);
      setStatus("link copied");
    } catch (e) {
      setStatus("the link is in the address bar");
    }
  });
  editor.on("change", () => { if (document.activeElement && editor.hasFocus()) $("examples").value = ""; });

  (async function start() {
    const names = await loadExamples();
    if (shared != null) {
      editor.setValue(shared);
    } else if (names.length) {
      $("examples").value = names[0];
      await openExample(names[0]);
    }
  })();
})();
