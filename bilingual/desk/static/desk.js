// The editors' desk: sends the editor's actions to the server as JSON and shows the answers.
// Text from an article or a glossary is only ever set with textContent or .value, never as HTML.
"use strict";

(function () {
  const csrf = document.querySelector('meta[name="csrf"]').content;
  const ui = JSON.parse(document.getElementById("ui-text").textContent);
  const page = document.body.dataset.page;
  const docName = document.body.dataset.doc || "";
  const base = "/desk/doc/" + encodeURIComponent(docName);
  const whoInput = document.getElementById("who");

  if (whoInput) {
    if (!whoInput.value && localStorage.getItem("bilingual-who")) whoInput.value = localStorage.getItem("bilingual-who");
    whoInput.addEventListener("change", () => localStorage.setItem("bilingual-who", whoInput.value.trim()));
  }
  const who = () => (whoInput ? whoInput.value.trim() : "");

  async function send(url, data, raw) {
    const headers = { "X-CSRF-Token": csrf, Accept: "application/json" };
    if (!raw) headers["Content-Type"] = "application/json";
    let response;
    try {
      response = await fetch(url, { method: "POST", headers, body: raw ? data : JSON.stringify(data) });
    } catch (err) {
      return { ok: false, status: 0, body: { error: String(err) } };
    }
    let body = {};
    try { body = await response.json(); } catch (err) { body = { error: response.statusText }; }
    return { ok: response.ok, status: response.status, body };
  }

  function notice(text, ok) {
    const box = document.getElementById("notice");
    box.textContent = text;
    box.className = ok ? "ok" : "";
    box.hidden = !text;
  }

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  // --- the document page -----------------------------------------------------------------------

  const rowOf = (node) => node.closest(".row");
  const areaOf = (row) => row.querySelector('[data-role="target"]');
  const saved = new WeakMap(); // row → the text on disk as this page knows it

  function setState(row, text, cls) {
    const state = row.querySelector('[data-role="state"]');
    state.textContent = text;
    state.className = cls || "";
  }

  function showNames(row, names) {
    let box = row.querySelector(".names");
    if (!names.length) { if (box) box.remove(); row.removeAttribute("data-missing"); return; }
    if (!box) { box = el("div", undefined, "names"); areaOf(row).after(box); }
    box.replaceChildren(...names.map((n) => {
      const chip = el("span", n.arabic, "chip " + (n.missing ? "missing" : "found"));
      chip.title = n.english; chip.lang = "ar"; chip.dir = "rtl";
      return chip;
    }));
    const marks = row.querySelectorAll(".src mark.name");
    names.forEach((n, i) => { if (marks[i]) marks[i].className = "name " + (n.missing ? "missing" : "enforced"); });
    row.toggleAttribute("data-missing", names.some((n) => n.missing));
  }

  // One save at a time per row, each sent with the version the previous one returned: leaving the
  // text (a save as edited) and clicking Approve are two saves, never a conflict with oneself.
  // Direction controls (an override, an embedding, an isolate) in a text would reorder what the edit box
  // shows, as they would in the rows: in the box each is an inert mark such as ⟦RLO⟧, and the text
  // saved has the control back where the mark stands (deleting the mark deletes the control).
  const CONTROLS = { "\u202a": "LRE", "\u202b": "RLE", "\u202c": "PDF", "\u202d": "LRO", "\u202e": "RLO",
    "\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI", "\u2069": "PDI" };
  const MARKS = Object.fromEntries(Object.entries(CONTROLS).map(([c, n]) => ["\u27e6" + n + "\u27e7", c]));
  const toBox = (text) => text.replace(/[\u202a-\u202e\u2066-\u2069]/g, (c) => "\u27e6" + CONTROLS[c] + "\u27e7");
  const fromBox = (text) => text.replace(/\u27e6(LRE|RLE|PDF|LRO|RLO|LRI|RLI|FSI|PDI)\u27e7/g, (m) => MARKS[m]);
  const textOf = (row) => fromBox(areaOf(row).value);
  const setText = (row, text) => { areaOf(row).value = toBox(text); };

  const pending = new WeakMap();
  function save(row, approve) {
    const previous = pending.get(row) || Promise.resolve(true);
    const next = previous.then(() => saveNow(row, approve));
    pending.set(row, next.catch(() => false));
    return next;
  }

  // The page's own undo and redo of saves (Alt+Z, Alt+Shift+Z), many steps while the page is open: each
  // step is a save of the text and status the segment had, sent with the version the row holds now
  // (so a segment someone else changed since is a conflict with both texts, never overwritten).
  const undoSteps = [], redoSteps = [];
  function undoable() {
    const undo = document.getElementById("undo-save"), redo = document.getElementById("redo-save");
    if (undo) undo.disabled = !undoSteps.length;
    if (redo) redo.disabled = !redoSteps.length;
  }
  async function stepBack(from, to) {
    const step = from.pop();
    if (!step) return;
    const row = document.querySelector(`.row[data-seg="${CSS.escape(step.seg)}"]`);
    setText(row, step.before.text);
    const previous = pending.get(row) || Promise.resolve(true); // after the row's saves under way
    const next = previous.then(() => saveNow(row, step.before.status === "approved", true, false));
    pending.set(row, next.catch(() => false));
    const ok = await next;
    if (ok) to.push({ seg: step.seg, before: step.after, after: step.before });
    else from.push(step);
    undoable();
    areaOf(row).focus();
  }

  async function saveNow(row, approve, confirmed, record = true) {
    if (!approve && textOf(row) === saved.get(row)) return true; // already on disk
    const before = { text: saved.get(row), status: row.dataset.status };
    setState(row, ui.saving);
    const answer = await send(base + "/save", {
      segment: row.dataset.seg, target: textOf(row), version: row.dataset.version, approve, who: who(),
      confirmed: !!confirmed,
    });
    if (answer.status === 409 && answer.body.conflict) { showConflict(row, answer.body); return false; }
    if (answer.status === 409 && answer.body.confirm) { askConfirm(row, answer.body); return false; }
    if (!answer.ok) { setState(row, ui.failed + " " + (answer.body.error || answer.status), "error"); return false; }
    showRow(row, answer.body);
    if (record && answer.body.outcome !== "unchanged") {
      undoSteps.push({ seg: row.dataset.seg, before, after: { text: answer.body.target, status: answer.body.status } });
      redoSteps.length = 0;
      undoable();
    }
    const conflict = row.querySelector('[data-role="conflict"]');
    if (conflict) conflict.remove();
    setState(row, ui.saved + " · " + (ui[answer.body.status] || answer.body.status), "saved");
    return true;
  }

  // The page's progress bar follows the rows: segments approved out of all.
  function updateProgress() {
    const bar = document.querySelector('.bar [data-role="progress"]');
    if (!bar) return;
    const rows = Array.from(document.querySelectorAll(".row"));
    const done = rows.filter((r) => r.dataset.status === "approved");
    const words = (list) => list.reduce((n, r) => n + Number(r.dataset.words || 0), 0);
    const total = words(rows), approved = words(done);
    bar.dataset.total = rows.length; bar.dataset.approved = done.length;
    const meter = bar.querySelector("progress");
    meter.max = total || 1; meter.value = approved;
    bar.querySelector(".percent").textContent = (total ? Math.floor((approved * 100) / total) : 0) + "%";
  }

  // A save's answer carries the row as it is now: text, status, version, names and findings.
  function showRow(row, body) {
    row.dataset.status = body.status;
    updateProgress();
    row.dataset.version = body.version;
    saved.set(row, body.target);
    if (textOf(row).trim() === body.target.trim() || body.reverted) setText(row, body.target);
    row.toggleAttribute("data-untranslated", !body.target);
    showNames(row, body.names);
    showFindings(row, body.findings || []);
    const asking = row.querySelector('[data-role="confirm"]');
    if (asking) asking.remove();
  }

  function showFindings(row, findings) {
    row.querySelectorAll(".finding").forEach((f) => f.remove());
    const tools = row.querySelector(".tools");
    findings.forEach((f) => {
      const box = el("div", undefined, "finding" + (f.dismissed ? " dismissed" : ""));
      box.dataset.check = f.check;
      box.append(el("b", f.title), " ", el("bdi", f.message), " ");
      if (f.dismissed) box.append(el("i", ui.dismissed + " " + f.dismissed));
      else { const b = el("button", ui.dismiss); b.type = "button"; b.dataset.action = "dismiss"; box.append(b); }
      tools.before(box);
    });
    const open = findings.filter((f) => !f.dismissed).map((f) => f.check);
    row.dataset.qa = Array.from(new Set(open)).sort().join(" ");
  }

  // Approving names that are not as the glossary writes them: said on the row, approved only on a second click.
  function askConfirm(row, body) {
    let box = row.querySelector('[data-role="confirm"]');
    if (box) box.remove();
    box = el("div", undefined, "finding");
    box.dataset.role = "confirm";
    box.append(el("b", body.error));
    (body.findings || []).forEach((f) => box.append(el("div", f.title + ": " + f.message)));
    const anyway = el("button", ui.approve_anyway); anyway.type = "button"; anyway.dataset.role = "approve-anyway";
    anyway.addEventListener("click", async () => { if (await saveNow(row, true, true)) box.remove(); });
    box.append(anyway);
    row.querySelector(".tools").before(box);
    setState(row, body.error, "error");
  }

  function showConflict(row, body) {
    let box = row.querySelector('[data-role="conflict"]');
    if (box) box.remove();
    box = el("div");
    box.dataset.role = "conflict";
    const theirs = el("div", body.theirs, "text"); theirs.dataset.role = "theirs"; theirs.lang = "ar"; theirs.dir = "rtl";
    const mine = el("div", body.mine, "text"); mine.dataset.role = "mine"; mine.lang = "ar"; mine.dir = "rtl";
    const keepTheirs = el("button", ui.keep_theirs); keepTheirs.type = "button";
    const keepMine = el("button", ui.keep_mine); keepMine.type = "button";
    keepTheirs.addEventListener("click", () => {
      setText(row, body.theirs); saved.set(row, body.theirs); row.dataset.version = body.version; box.remove();
      setState(row, "");
    });
    keepMine.addEventListener("click", () => { row.dataset.version = body.version; setText(row, body.mine); save(row, false); });
    box.append(el("p", ui.conflict), el("b", ui.theirs), theirs, el("b", ui.mine), mine, keepTheirs, keepMine);
    row.querySelector(".tools").before(box);
    setState(row, ui.conflict, "error");
  }

  function visibleRows() {
    return Array.from(document.querySelectorAll(".row")).filter((r) => r.offsetParent !== null || r.checkVisibility?.());
  }

  function focusNext(row, wanted) {
    const rows = visibleRows();
    const start = rows.indexOf(row);
    for (let i = start + 1; i < rows.length; i++) {
      if (wanted(rows[i])) { const area = areaOf(rows[i]); area.focus(); area.scrollIntoView({ block: "center" }); return; }
    }
  }

  const notApproved = (r) => r.dataset.status !== "approved";
  const untranslated = (r) => r.hasAttribute("data-untranslated") || !textOf(r).trim();

  async function revertLast(row) {
    const steps = await (await fetch(base + "/history?segment=" + encodeURIComponent(row.dataset.seg))).json();
    if (!steps.length) { setState(row, ui.no_history); return; }
    await revertTo(row, steps.length - 1);
  }

  async function revertTo(row, step) {
    const answer = await send(base + "/revert", { segment: row.dataset.seg, step, who: who() });
    if (!answer.ok) { setState(row, ui.failed + " " + answer.body.error, "error"); return; }
    showRow(row, answer.body);
    const list = row.querySelector(".history");
    if (list) list.remove();
    setState(row, ui.saved + " · " + (ui[answer.body.status] || answer.body.status), "saved");
  }

  async function showHistory(row) {
    let list = row.querySelector(".history");
    if (list) { list.remove(); return; }
    const steps = await (await fetch(base + "/history?segment=" + encodeURIComponent(row.dataset.seg))).json();
    list = el("ol", undefined, "history");
    if (!steps.length) list.append(el("li", ui.no_history));
    steps.forEach((s, i) => {
      const item = el("li");
      const when = new Date(s.when * 1000).toLocaleString();
      item.append(el("span", when + " · " + (s.who || "?") + " · " + (ui[s.before_status] || s.before_status) + ": "));
      // What this step changed: the text it replaced against the text it wrote, word by word.
      const after = i + 1 < steps.length ? steps[i + 1].before : textOf(row);
      const text = el("bdi"); text.lang = "ar"; text.dataset.role = "diff";
      text.append(...wordDiff(s.before, after));
      const back = el("button", ui.revert); back.type = "button";
      back.addEventListener("click", () => revertTo(row, i));
      item.append(text, " ", back);
      list.append(item);
    });
    row.querySelector(".tools").after(list);
  }

  function dismissForm(button) {
    const finding = button.closest(".finding");
    const row = rowOf(button);
    const input = el("input"); input.placeholder = ui.reason; input.size = 30;
    const ok = el("button", "OK"); ok.type = "button";
    ok.addEventListener("click", async () => {
      if (!input.value.trim()) { input.focus(); return; }
      const answer = await send(base + "/dismiss", {
        segment: row.dataset.seg, check: finding.dataset.check, reason: input.value.trim(), who: who(),
      });
      if (!answer.ok) { notice(answer.body.error); return; }
      finding.classList.add("dismissed");
      input.replaceWith(el("i", input.value.trim()));
      ok.remove();
      const still = Array.from(row.querySelectorAll(".finding:not(.dismissed)")).map((f) => f.dataset.check);
      row.dataset.qa = Array.from(new Set(still)).sort().join(" ");
    });
    button.replaceWith(input, ok);
    input.focus();
  }

  // --- comments on a row, for the next editor --------------------------------------------------

  function commentItem(c) {
    const item = el("div", undefined, "comment" + (c.resolved ? " resolved" : ""));
    item.dataset.role = "comment"; item.dataset.id = c.id;
    item.toggleAttribute("data-resolved", c.resolved);
    const by = el("b"); by.append(el("bdi", c.who || ui.someone));
    const text = el("span", c.text, "comment-text"); text.dir = "auto";
    const toggle = el("button", c.resolved ? ui.reopen : ui.resolve); toggle.type = "button";
    toggle.dataset.action = c.resolved ? "reopen" : "resolve";
    item.append(by, " ", el("small", c.when), " ", text, " ", toggle);
    return item;
  }

  function commentForm(row) {
    if (row.querySelector('[data-role="comment-form"]')) return;
    const form = el("div", undefined, "comment-form"); form.dataset.role = "comment-form";
    const input = el("textarea"); input.rows = 2; input.dir = "auto"; input.placeholder = ui.comment_for_next;
    input.setAttribute("aria-label", ui.comment_for_next);
    const add = el("button", ui.add_comment); add.type = "button"; add.dataset.action = "add-comment";
    const cancel = el("button", ui.cancel); cancel.type = "button";
    cancel.addEventListener("click", () => form.remove());
    add.addEventListener("click", async () => {
      if (!input.value.trim()) { input.focus(); return; }
      const answer = await send(base + "/comment", { segment: row.dataset.seg, text: input.value, who: who() });
      if (!answer.ok) { notice(answer.body.error); return; }
      let list = row.querySelector('[data-role="comments"]');
      if (!list) { list = el("div", undefined, "comments"); list.dataset.role = "comments"; form.before(list); }
      list.append(commentItem(answer.body));
      form.remove();
    });
    form.append(input, add, " ", cancel);
    row.querySelector(".tools").before(form);
    input.focus();
  }

  async function resolveComment(button, resolved) {
    const item = button.closest('[data-role="comment"]');
    const answer = await send(base + "/comment/resolve", { id: item.dataset.id, resolved, who: who() });
    if (!answer.ok) { notice(answer.body.error); return; }
    item.replaceWith(commentItem(answer.body));
  }

  // --- the memory pane: near matches of the focused row, and a concordance ---------------------

  let matchesAsked = 0;
  async function showMatches(row) {
    const mine = ++matchesAsked;
    const answer = await fetch(base + "/matches?segment=" + encodeURIComponent(row.dataset.seg));
    if (mine !== matchesAsked || !answer.ok) return; // the editor moved on, or the memory could not answer
    const found = await answer.json();
    document.querySelectorAll('#rows [data-role="matches"]').forEach((p) => p.remove());
    if (!found.length) return;
    const pane = el("div", undefined, "matches"); pane.dataset.role = "matches";
    pane.append(el("b", ui.from_memory));
    found.forEach((m, i) => pane.append(matchItem(m, i === 0 ? " (Alt+M)" : "", () => useText(row, m.target))));
    row.querySelector(".tools").before(pane);
  }

  function matchItem(m, key, use) {
    const item = el("div", undefined, "match-item");
    const about = el("span", (m.score < 100 ? m.score + "% · " : "") + (ui[m.status] || m.status) + (m.who ? " · " + m.who : ""), "about");
    const english = el("div", undefined, "match-src"); english.lang = "en"; english.dir = "ltr";
    if (m.diff.length) m.diff.forEach(([op, text]) => english.append(op === "same" ? text : el(op === "theirs" ? "del" : "ins", text)));
    else english.textContent = m.source;
    const arabic = el("div", m.target, "match-tgt"); arabic.dataset.role = "match"; arabic.lang = "ar"; arabic.dir = "rtl";
    item.append(about, english, arabic);
    if (use) { const b = el("button", ui.insert + key); b.type = "button"; b.dataset.action = "use-match"; b.addEventListener("click", use); item.append(b); }
    return item;
  }

  function insertAtCursor(area, text) {
    area.setRangeText(text, area.selectionStart, area.selectionEnd, "end");
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }

  // Words of two texts compared (a longest common subsequence: texts of a segment are short).
  function wordDiff(before, after) {
    const a = before.split(/(\s+)/), b = after.split(/(\s+)/);
    const n = a.length, m = b.length;
    const L = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) {
      L[i][j] = a[i] === b[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
    }
    const out = [];
    let i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[i] === b[j]) { out.push(a[i]); i++; j++; }
      else if (j < m && (i >= n || L[i][j + 1] >= L[i + 1][j])) { out.push(el("ins", b[j])); j++; }
      else { out.push(el("del", a[i])); i++; }
    }
    return out;
  }

  function useText(row, text) {
    setText(row, text);
    const area = areaOf(row);
    area.focus();
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }

  // Re-translating one segment: the fresh text is offered beside the editor's, taken only on a click.
  async function retranslate(row) {
    setState(row, ui.saving);
    const answer = await send(base + "/retranslate", { segment: row.dataset.seg });
    if (!answer.ok) { setState(row, ui.failed + " " + (answer.body.error || answer.status), "error"); return; }
    setState(row, "");
    let box = row.querySelector('[data-role="suggestion"]');
    if (box) box.remove();
    box = el("div", undefined, "matches"); box.dataset.role = "suggestion";
    const text = el("div", answer.body.target, "match-tgt"); text.lang = "ar"; text.dir = "rtl"; text.dataset.role = "fresh";
    const use = el("button", ui.use); use.type = "button"; use.dataset.action = "use-fresh";
    use.addEventListener("click", () => { useText(row, answer.body.target); box.remove(); });
    const close = el("button", ui.cancel); close.type = "button";
    close.addEventListener("click", () => box.remove());
    box.append(el("b", ui.fresh), text, use, " ", close);
    row.querySelector(".tools").before(box);
  }

  function setupConcordance() {
    const search = document.getElementById("memory-search");
    const panel = document.getElementById("memory-results");
    if (!search) return;
    let asked = 0;
    search.addEventListener("keydown", async (event) => {
      if (event.key !== "Enter") return;
      event.preventDefault();
      const mine = ++asked;
      const found = await (await fetch("/desk/memory?q=" + encodeURIComponent(search.value))).json();
      if (mine !== asked) return;
      const list = panel.querySelector("ol");
      list.replaceChildren(...found.map((m) => { const li = el("li"); li.append(matchItem(m, "", null)); return li; }));
      if (!found.length) list.append(el("li", ui.no_match));
      panel.hidden = false;
      document.body.classList.add("memory-open"); // the rows make room beside it
    });
    panel.querySelector('[data-action="close"]').addEventListener("click", () => {
      panel.hidden = true; document.body.classList.remove("memory-open");
    });
  }

  function setupHelp() {
    const help = document.getElementById("keys-help");
    document.addEventListener("keydown", (event) => {
      const typing = event.target.closest("input, textarea, select");
      if (event.key === "F1" || (event.key === "?" && !typing)) { event.preventDefault(); help.hidden = !help.hidden; }
      else if (event.key === "Escape" && !help.hidden) help.hidden = true;
    });
    help.querySelector('[data-action="close"]').addEventListener("click", () => { help.hidden = true; });
  }

  function setupDocument() {
    const rows = document.getElementById("rows");
    setupHelp();
    rows.addEventListener("focusin", (event) => {
      const area = event.target.closest('[data-role="target"]');
      if (area && !rowOf(area).querySelector('[data-role="matches"]')) showMatches(rowOf(area));
    });
    setupConcordance();
    rows.querySelectorAll(".row").forEach((row) => { setText(row, textOf(row)); saved.set(row, textOf(row)); });
    rows.addEventListener("keydown", async (event) => {
      const area = event.target.closest('[data-role="target"]');
      if (!area) return;
      const row = rowOf(area);
      if (event.ctrlKey && event.key === "Enter") {
        event.preventDefault();
        // A role that may not approve (a translator) saves as edited and moves on: a reviewer approves later.
        if (await save(row, document.body.dataset.canApprove !== "no")) focusNext(row, notApproved);
      } else if (event.ctrlKey && (event.key === "s" || event.key === "S")) {
        event.preventDefault();
        await save(row, false);
      } else if (event.altKey && event.code === "KeyU") {
        event.preventDefault();
        focusNext(row, untranslated);
      } else if (event.altKey && event.code === "KeyC") {
        event.preventDefault();
        setText(row, row.querySelector(".src").dataset.source);
      } else if (event.altKey && event.code === "KeyR") {
        event.preventDefault();
        await revertLast(row);
      } else if (event.altKey && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
        event.preventDefault();
        const rows = visibleRows();
        const next = rows[rows.indexOf(row) + (event.key === "ArrowDown" ? 1 : -1)];
        if (next) { areaOf(next).focus(); areaOf(next).scrollIntoView({ block: "center" }); }
      } else if (event.altKey && /^Digit[1-9]$/.test(event.code)) {
        event.preventDefault();
        const chip = row.querySelectorAll(".names .chip")[Number(event.code.slice(5)) - 1];
        if (chip) insertAtCursor(areaOf(row), chip.textContent);
      } else if (event.altKey && event.code === "KeyZ") {
        event.preventDefault();
        if (textOf(row) !== saved.get(row)) await save(row, false); // what is typed is a step too
        await (event.shiftKey ? stepBack(redoSteps, undoSteps) : stepBack(undoSteps, redoSteps));
      } else if (event.altKey && event.code === "KeyM") {
        event.preventDefault();
        const best = row.querySelector('[data-role="matches"] [data-role="match"]');
        if (best) useText(row, best.textContent);
      }
    });
    // Leaving a changed segment saves it as edited: a crash loses at most the one being typed.
    rows.addEventListener("focusout", (event) => {
      const area = event.target.closest('[data-role="target"]');
      if (!area) return;
      const row = rowOf(area);
      if (textOf(row) !== saved.get(row) && !row.querySelector('[data-role="conflict"]')) save(row, false);
    });
    rows.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-action]");
      if (!button) return;
      const row = rowOf(button);
      const action = button.dataset.action;
      if (action === "approve") save(row, true).then((ok) => ok && focusNext(row, notApproved));
      else if (action === "save") save(row, false);
      else if (action === "copy") setText(row, row.querySelector(".src").dataset.source);
      else if (action === "history") showHistory(row);
      else if (action === "dismiss") dismissForm(button);
      else if (action === "retranslate") retranslate(row);
      else if (action === "comment") commentForm(row);
      else if (action === "resolve" || action === "reopen") resolveComment(button, action === "resolve");
    });
    const filter = document.getElementById("filter");
    filter.addEventListener("change", () => { document.body.dataset.filter = filter.value; });
    const qa = document.getElementById("qa-filter");
    if (qa) qa.addEventListener("change", () => {
      rows.querySelectorAll(".row").forEach((row) => {
        row.classList.toggle("hidden", !!qa.value && !row.dataset.qa.split(" ").includes(qa.value));
      });
    });
    setupGlossary();
    const undo = document.getElementById("undo-save"), redo = document.getElementById("redo-save");
    undo.addEventListener("click", () => stepBack(undoSteps, redoSteps));
    redo.addEventListener("click", () => stepBack(redoSteps, undoSteps));
    undoable();
  }

  // --- the glossary panel ----------------------------------------------------------------------

  function setupGlossary() {
    const panel = document.getElementById("glossary");
    const search = document.getElementById("glossary-search");
    const list = document.getElementById("glossary-entries");
    const kinds = document.getElementById("kinds");
    let timer = null;
    document.getElementById("glossary-toggle").addEventListener("click", () => {
      panel.hidden = !panel.hidden;
      document.body.classList.toggle("drawer-open", !panel.hidden); // the rows make room: the Arabic stays in view
      if (!panel.hidden) { load(); search.focus(); }
    });
    search.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(load, 150); });

    let asked = 0;
    let shown = "";
    async function load() {
      const mine = ++asked;
      const text = await (await fetch("/desk/glossary?q=" + encodeURIComponent(search.value))).text();
      if (mine !== asked || text === shown) return; // a later search is under way, or nothing changed
      shown = text;
      list.replaceChildren(...JSON.parse(text).map(entryItem));
    }

    function entryItem(entry) {
      const item = el("li");
      item.dataset.english = entry.english;
      const english = el("b", entry.english); english.lang = "en"; english.dir = "ltr";
      const arabic = el("span", entry.arabic, "arabic"); arabic.lang = "ar"; arabic.dir = "rtl";
      const kind = el("select"); kind.append(kinds.content.cloneNode(true)); kind.value = entry.kind;
      kind.addEventListener("change", () => update(entry.english, { kind: kind.value }));
      const note = el("input"); note.value = entry.note; note.placeholder = "note"; note.size = 18; note.dir = "auto";
      note.addEventListener("change", () => update(entry.english, { note: note.value }));
      const keep = el("input"); keep.type = "checkbox"; keep.checked = entry.no_translate;
      keep.addEventListener("change", () => update(entry.english, { no_translate: keep.checked }));
      const keepLabel = el("label"); keepLabel.append(keep, " " + ui.latin);
      const respell = el("button", ui.respell); respell.type = "button"; respell.dataset.action = "respell";
      respell.addEventListener("click", () => respellForm(item, entry));
      const arrow = document.documentElement.dir === "rtl" ? " ← " : " → ";
      item.append(english, arrow, arabic, " ", kind, " ", note, " ", keepLabel, " ", respell);
      return item;
    }

    async function update(english, change) {
      const answer = await send("/desk/glossary/set", Object.assign({ english }, change));
      notice(answer.ok ? english + " ✓" : answer.body.error, answer.ok);
    }

    function respellForm(item, entry) {
      const old = item.querySelector("form"); if (old) { old.remove(); return; }
      const form = el("form");
      const spelling = el("input"); spelling.name = "arabic"; spelling.dir = "rtl"; spelling.lang = "ar"; spelling.value = entry.arabic;
      spelling.setAttribute("aria-label", ui.respell_to.replace("{english}", entry.english));
      const forbid = el("input"); forbid.type = "checkbox"; forbid.name = "forbid_old";
      const forbidLabel = el("label"); forbidLabel.append(forbid, " " + ui.forbid_old);
      const preview = el("button", ui.preview); preview.type = "submit"; preview.dataset.action = "preview-respell";
      const cancel = el("button", ui.cancel); cancel.type = "button"; cancel.dataset.action = "cancel-respell";
      cancel.addEventListener("click", () => form.remove());
      const shown = el("div", undefined, "preview");
      form.append(el("span", ui.respell_to.replace("{english}", entry.english)), spelling, forbidLabel, preview, cancel, shown);
      form.addEventListener("submit", async (event) => {
        event.preventDefault();
        const request = { english: entry.english, arabic: spelling.value, forbid_old: forbid.checked, apply: false };
        const answer = await send("/desk/glossary/respell", request);
        if (!answer.ok) { notice(answer.body.error); return; }
        shown.replaceChildren();
        const docs = Object.entries(answer.body.documents);
        shown.append(el("p", docs.length ? ui.will_change.replace("{n}", answer.body.segments) : ui.nothing));
        const where = el("ul"); where.dataset.role = "respell-preview";
        (answer.body.variants || []).forEach((v) => where.append(el("li", v.english + ": " + v.change)));
        // each sentence before and after, the words that change marked
        (answer.body.sentences || []).forEach((c) => {
          const li = el("li"); li.dataset.role = "respell-sentence"; li.dataset.segment = c.segment;
          const text = el("div", undefined, "match-src"); text.lang = "ar"; text.dir = "rtl";
          text.append(...wordDiff(c.before, c.after));
          li.append(el("small", c.document.replace(/\.en-ar\.xml$/, "") + " · " + c.segment), text);
          where.append(li);
        });
        const apply = el("button", ui.apply); apply.type = "button"; apply.dataset.action = "apply-respell";
        apply.addEventListener("click", async () => {
          const done = await send("/desk/glossary/respell", Object.assign(request, { apply: true }));
          if (!done.ok) { notice(done.body.error); return; }
          location.reload();
        });
        shown.append(where, apply);
      });
      item.append(form);
      spelling.focus();
    }

    document.getElementById("glossary-add").addEventListener("submit", async (event) => {
      event.preventDefault();
      const form = event.target;
      const answer = await send("/desk/glossary/add", {
        english: form.english.value, arabic: form.arabic.value, kind: form.kind.value, note: form.note.value,
        no_translate: form.no_translate.checked,
      });
      notice(answer.ok ? ui.added + ": " + form.english.value : answer.body.error, answer.ok);
      if (answer.ok) { form.reset(); load(); }
    });
  }

  // --- search and replace: a preview of every change, the replacement, one undo ----------------

  function setupReplace() {
    const panel = document.getElementById("replace");
    const toggle = document.getElementById("replace-toggle");
    if (!panel || !toggle) return;
    const form = document.getElementById("replace-form");
    const list = panel.querySelector('[data-role="replace-preview"]');
    const summary = panel.querySelector('[data-role="replace-summary"]');
    const applyButton = panel.querySelector('[data-action="replace-apply"]');
    const undoButton = panel.querySelector('[data-role="replace-undo"]');
    let shown = [];
    const open = (yes) => { panel.hidden = !yes; document.body.classList.toggle("memory-open", yes); };
    toggle.addEventListener("click", () => { open(panel.hidden); if (!panel.hidden) form.find.focus(); });
    panel.querySelector('[data-action="close"]').addEventListener("click", () => open(false));
    const asked = () => ({
      find: form.find.value, replace: form.where.value === "source" ? null : form.replace.value,
      regex: form.regex.checked, case: form.case.checked, where: form.where.value,
      documents: form.scope.value === "document" ? [docName] : [], who: who(),
    });
    function showChange(c) {
      const item = el("li", undefined, "replace-change"); item.dataset.role = "replace-change";
      item.dataset.document = c.document; item.dataset.segment = c.segment;
      const where = el("a", c.document.replace(/\.en-ar\.xml$/, "") + " · " + c.segment);
      where.href = "/desk/doc/" + encodeURIComponent(c.document) + "#" + c.segment;
      const text = el("div", undefined, "match-src"); text.lang = "ar"; text.dir = "rtl";
      if (c.before === c.after) text.textContent = c.before; else text.append(...wordDiff(c.before, c.after));
      item.append(where, text);
      if (c.status !== c.status_after) item.append(el("small", (ui[c.status] || c.status) + " → " + (ui[c.status_after] || c.status_after)));
      if (c.names_lost.length) item.append(el("div", ui.names_lost + " " + c.names_lost.join(", "), "warn"));
      return item;
    }
    function showUndo(batch, n) {
      undoButton.hidden = !batch; undoButton.dataset.batch = batch || "";
      if (batch) summary.textContent = ui.replaced.replace("{n}", n);
    }
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const answer = await send("/desk/replace/preview", asked());
      if (!answer.ok) { summary.textContent = answer.body.error || String(answer.status); applyButton.disabled = true; return; }
      shown = answer.body;
      list.replaceChildren(...shown.map(showChange));
      const documents = new Set(shown.map((c) => c.document)).size;
      summary.textContent = ui.will_replace.replace("{n}", shown.length).replace("{d}", documents);
      applyButton.disabled = !shown.length || form.where.value === "source";
    });
    applyButton.addEventListener("click", async () => {
      applyButton.disabled = true;
      const expect = shown.map((c) => ({ document: c.document, segment: c.segment, version: c.version }));
      const answer = await send("/desk/replace/apply", { ...asked(), expect });
      if (!answer.ok) { summary.textContent = answer.body.error || String(answer.status); return; }
      sessionStorage.setItem("bilingual-replace", JSON.stringify({ batch: answer.body.batch, n: answer.body.changed.length,
        left: answer.body.left }));
      location.reload(); // the rows as the replacement left them, with their names and findings
    });
    undoButton.addEventListener("click", async () => {
      const answer = await send("/desk/replace/undo", { batch: undoButton.dataset.batch, who: who() });
      if (!answer.ok) { summary.textContent = answer.body.error || String(answer.status); return; }
      sessionStorage.setItem("bilingual-replace", JSON.stringify({ undone: answer.body.changed.length, left: answer.body.left }));
      location.reload();
    });
    const last = JSON.parse(sessionStorage.getItem("bilingual-replace") || "null");
    if (last) {
      sessionStorage.removeItem("bilingual-replace");
      open(true);
      if (last.batch) showUndo(last.batch, last.n);
      else summary.textContent = ui.undone.replace("{n}", last.undone);
      list.replaceChildren(...(last.left || []).map((l) => el("li", l.document + " · " + l.segment + ": " + l.why)));
    }
  }

  // --- the index page --------------------------------------------------------------------------

  function setupIndex() {
    const upload = document.getElementById("upload");
    async function translated(answer) {
      if (!answer.ok) { notice(answer.body.error || String(answer.status)); return; }
      location.href = answer.body.document;
    }
    if (upload) upload.addEventListener("change", async () => {
      const file = upload.files[0];
      if (!file) return;
      notice(ui.saving, true);
      const data = await file.arrayBuffer();
      translated(await send("/desk/translate?name=" + encodeURIComponent(file.name), data, true));
    });
    document.querySelectorAll('button[data-action="pick"]').forEach((button) => {
      button.addEventListener("click", async () => {
        notice(ui.saving, true);
        translated(await send("/desk/translate", { name: button.dataset.name }));
      });
    });
  }

  // --- signing in and out (a desk with a users file) ------------------------------------------

  function setupLogin() {
    document.getElementById("login").addEventListener("submit", async (event) => {
      event.preventDefault();
      const form = event.target;
      const body = form.token.value ? { token: form.token.value } : { name: form.name.value, password: form.password.value };
      const answer = await send("/desk/login", body);
      if (!answer.ok) { notice(answer.body.error || String(answer.status)); return; }
      location.href = "/desk/";
    });
  }
  const logout = document.getElementById("logout");
  if (logout) logout.addEventListener("click", async () => { await send("/desk/logout", {}); location.href = "/desk/login"; });

  // The drawers open below the bar, however many lines it wraps to (an Arabic interface is wider).
  const bar = document.querySelector("header.bar");
  const barHeight = () => document.documentElement.style.setProperty("--bar-height", bar.offsetHeight + "px");
  if (bar) { barHeight(); window.addEventListener("resize", barHeight); }

  if (page === "document") setupDocument();
  else if (page === "index") setupIndex();
  if (page === "document" || page === "index") setupReplace();
  else if (page === "login") setupLogin();
})();
