// The participant's phone page runs this small script instead of the app's React bundle, so it
// stays a few kilobytes on a meeting room's wifi, far under the 80 KB a phone page may weigh. It
// draws the view the server streams (Server-Sent Events), sends votes as JSON and retries them
// until stored, and keeps the state bar true: a stream silent for two and a half heartbeats (a
// frozen wifi sends no error) says "Reconnecting…" and is opened again; a vote that gets no answer
// in 8 s is sent again, the same vote for the same question and round (the server counts it once).
// Times are read on the server's clock (its offset comes with every view and heartbeat), so a
// phone whose clock is wrong still counts down right.
// Written as plain ES2020 in a string; it never puts received text into HTML (textContent only).

export const PARTICIPANT_SCRIPT = String.raw`
(function () {
  "use strict";
  var BEAT_MS = 5000, SILENT_MS = 12500, VOTE_TIMEOUT_MS = 8000;
  var view = JSON.parse(document.getElementById("initial-view").textContent);
  var skew = Date.parse(view.serverNow) - Date.now() || 0;
  var sending = null; // { vote, tries, questionId, round }
  var message = "";
  var live = true;
  var heard = Date.now();
  var source = null;
  var watching = document.body.hasAttribute("data-watching");
  var $ = function (id) { return document.getElementById(id); };
  var serverNow = function () { return Date.now() + skew; };
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    for (var k in attrs || {}) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "class") node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    }
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }
  function put(id, text) { var n = $(id); if (n.textContent !== text) n.textContent = text; }
  function same(a, b) { return !!a && !!b && a.kind === b.kind && (a.kind !== "level" || a.level === b.level); }
  function label(v, short) {
    if (v.kind === "unsure") return "Unsure";
    if (v.kind === "not_applicable") return "Not applicable";
    var l = view.question.levels.filter(function (x) { return x.value === v.level; })[0];
    return short || !l ? String(v.level) : v.level + " " + l.label;
  }
  function choices() {
    var list = view.question.levels.map(function (l) { return { vote: { kind: "level", level: l.value }, title: l.value + " · " + l.label, text: l.text }; });
    list.push({ vote: { kind: "unsure" }, title: "Unsure", text: "Nobody here knows: counts as the lowest level." });
    list.push({ vote: { kind: "not_applicable" }, title: "Not applicable", text: "Does not apply to this team." });
    return list;
  }
  function secondsLeft() {
    var open = view.timerEndsAt && view.status === "open" && view.phase === "voting";
    return open ? Math.max(0, Math.ceil((Date.parse(view.timerEndsAt) - serverNow()) / 1000)) : null;
  }
  // One state, in order of what matters most to someone glancing at the phone.
  function state() {
    var t = view.revealed && view.revealed.tally;
    if (view.status === "ended") return ["ended", "Workshop ended", "Thank you!"];
    if (sending) return ["sending", "Sending your vote: " + label(sending.vote) + "…", sending.tries ? "Not sent yet: trying again…" : ""];
    if (message) return ["refused", "Vote not taken", message];
    if (!live) return ["offline", "Reconnecting…", "The room may have moved on; this page catches up once it is back."];
    if (view.status === "paused") return ["paused", "Paused", "The facilitator will resume in a moment."];
    if (t) {
      var head = (view.timeIsUp ? "Time is up" : "Revealed") + ": " + (t.median === null ? "no level votes" : "median " + t.median + ", spread " + t.spread);
      if (!watching) head += " · " + (view.mine ? "you voted " + label(view.mine, true) : "you did not vote");
      return ["revealed", head, t.disagrees ? "The room disagrees: worth talking about." : ""];
    }
    if (secondsLeft() === 0) return ["timeup", "Time is up", "The votes are being shown to the room."];
    if (watching) return ["voting", "Watching", "The room is voting."];
    if (view.mine) return ["saved", "Saved: " + label(view.mine), "You can change it until the votes are revealed."];
    return ["voting", "Your vote, please", "Choose what the team does today."];
  }
  var shownKey = null, shownPhase = view.phase;
  function render() {
    var q = view.question, ended = view.status === "ended";
    var s = state();
    $("bar").setAttribute("data-state", s[0]);
    put("state", s[1]);
    put("hint", s[2]);
    put("count", ended ? "" : view.voted + " of " + view.room + " voted");
    $("question").hidden = ended;
    $("ended").hidden = !ended;
    showTimer();
    if (ended) return;
    put("where", "Question " + q.number + " of " + q.total + " · " + q.areaName);
    put("title", q.title);
    put("prompt", q.prompt);
    var open = view.status === "open" && view.phase === "voting";
    var mine = sending ? sending.vote : view.mine;
    var box = $("choices");
    // The buttons are made once per question and round, and only updated after: a button replaced
    // between touch and release would lose the tap, and focus would drop.
    var key = q.id + "#" + view.round;
    if (box.getAttribute("data-key") !== key) {
      box.setAttribute("data-key", key);
      box.textContent = "";
      choices().forEach(function (c) {
        if (watching) return box.appendChild(el("li", { class: "choice" }, [el("strong", { text: c.title }), el("span", { text: c.text })]));
        var b = el("button", { type: "button", class: "choice", role: "radio" }, [el("strong", { text: c.title }), el("span", { text: c.text })]);
        b.vote = c.vote;
        b.addEventListener("click", function () { if (!b.disabled) send(c.vote); });
        box.appendChild(b);
      });
    }
    box.classList.toggle("compact", !!view.revealed);
    if (!watching) Array.prototype.forEach.call(box.children, function (b) {
      var chosen = same(mine, b.vote);
      b.className = "choice" + (chosen ? " chosen" : "");
      b.setAttribute("aria-checked", chosen ? "true" : "false");
      b.disabled = !open;
    });
    showResult(q);
    // What changed is in view: a new question from its title, a reveal at the room's result.
    if (shownKey !== null && shownKey !== key) window.scrollTo(0, 0);
    else if (shownKey === key && shownPhase !== "revealed" && view.revealed) {
      var top = $("result").getBoundingClientRect().top - document.querySelector("header").offsetHeight - 8;
      window.scrollBy(0, top);
    }
    shownKey = key;
    shownPhase = view.phase;
  }
  function showResult(q) {
    var result = $("result");
    result.textContent = "";
    if (!view.revealed) return;
    var t = view.revealed.tally;
    var most = Math.max.apply(null, t.levels.map(function (l) { return l.count; }).concat([t.unsure, t.notApplicable, 1]));
    var rows = t.levels.map(function (l) {
      var scale = q.levels.filter(function (x) { return x.value === l.level; })[0];
      return { name: l.level + " " + (scale ? scale.label : ""), n: l.count, vote: { kind: "level", level: l.level } };
    });
    rows.push({ name: "Unsure", n: t.unsure, vote: { kind: "unsure" } }, { name: "Not applicable", n: t.notApplicable, vote: { kind: "not_applicable" } });
    result.appendChild(el("h2", { text: "How the room voted" }));
    var list = el("ul", { class: "bars" });
    rows.forEach(function (r) {
      var bar = el("span", { class: "bar", "aria-hidden": "true" });
      bar.style.width = Math.round((r.n / most) * 100) + "%";
      var yours = same(view.mine, r.vote);
      list.appendChild(el("li", yours ? { class: "mine" } : {}, [el("span", { class: "bar-name", text: r.name + (yours ? " (you)" : "") }), el("span", { class: "bar-track" }, [bar]), el("span", { class: "bar-n", text: String(r.n) })]));
    });
    result.appendChild(list);
    result.appendChild(el("p", { text: t.median === null ? "No level votes." : "Median " + t.median + ", spread " + t.spread + (t.disagrees ? ": the room disagrees, worth talking about." : ".") }));
  }
  // The countdown, when the facilitator set one: ticks on its own; the votes close on the server.
  var ticking = null, lastLeft = null;
  function showTimer() {
    var left = secondsLeft();
    put("timer", left === null ? "" : left > 0 ? Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0") + " left" : "Time is up");
    if (left && !ticking) ticking = setInterval(function () { var was = lastLeft; showTimer(); if (was && !lastLeft) render(); }, 250);
    if (!left && ticking) { clearInterval(ticking); ticking = null; }
    lastLeft = left;
  }
  function send(vote) {
    message = "";
    sending = { vote: vote, tries: 0, questionId: view.question.id, round: view.round };
    render();
    post();
  }
  function post() {
    var s = sending;
    if (!s) return;
    var abort = typeof AbortController === "function" ? new AbortController() : null;
    var timeout = setTimeout(function () { if (abort) abort.abort(); }, VOTE_TIMEOUT_MS);
    fetch("/api/workshop/vote", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ questionId: s.questionId, round: s.round, vote: s.vote }), signal: abort ? abort.signal : undefined })
      .then(function (r) {
        clearTimeout(timeout);
        if (sending !== s) return;
        if (r.ok) { view.mine = s.vote; sending = null; message = ""; render(); return; }
        return r.json().catch(function () { return {}; }).then(function (body) {
          if (sending !== s) return;
          if (r.status >= 500) throw new Error("server");
          sending = null;
          message = body.detail || "Your vote was not taken.";
          render();
        });
      })
      .catch(function () {
        clearTimeout(timeout);
        if (sending !== s) return;
        s.tries += 1;
        render();
        setTimeout(post, Math.min(4000, 500 * s.tries));
      });
  }
  function heardFrom(serverTime) {
    heard = Date.now();
    if (serverTime) skew = serverTime - heard;
    live = true;
  }
  function connect() {
    if (source) source.close();
    var mine = (source = new EventSource("/api/workshop/events"));
    mine.addEventListener("view", function (e) {
      var next = JSON.parse(e.data);
      if (next.question.id !== view.question.id || next.round !== view.round || next.phase !== view.phase || next.status !== view.status) message = "";
      view = next;
      heardFrom(Date.parse(view.serverNow));
      // The server closes the stream after the end; nothing more will come.
      if (view.status === "ended") mine.close();
      render();
    });
    mine.addEventListener("beat", function (e) {
      var was = live;
      heardFrom(Number(e.data));
      if (!was) render();
    });
    mine.onerror = function () {
      if (source !== mine) return;
      live = false;
      render();
      // After an error answer the browser gives up on the stream: open a new one in a moment.
      if (mine.readyState === 2 && view.status !== "ended") setTimeout(function () { if (source === mine) connect(); }, 2000);
    };
  }
  // A frozen connection sends no error: silence for two and a half heartbeats says it.
  function watch() {
    if (view.status === "ended" || Date.now() - heard < SILENT_MS) return;
    if (live) { live = false; render(); }
    heard = Date.now() - SILENT_MS + BEAT_MS; // and again in a few seconds while still silent
    connect();
  }
  setInterval(watch, 1000);
  document.addEventListener("visibilitychange", function () { if (!document.hidden) watch(); });
  render();
  if (view.status !== "ended") connect();
})();
`;
