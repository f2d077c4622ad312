// The participant's phone page runs this small script instead of the app's React bundle, so it
// stays a few kilobytes on a meeting room's wifi, far under the 80 KB a phone page may weigh. It
// draws the view the server streams (Server-Sent Events), sends votes as JSON and retries them until stored.
// Written as plain ES2020 in a string; it never puts received text into HTML (textContent only).

export const PARTICIPANT_SCRIPT = String.raw`
(function () {
  "use strict";
  var view = JSON.parse(document.getElementById("initial-view").textContent);
  var sending = null; // { vote, tries }
  var message = "";
  var live = true;
  var watching = document.body.hasAttribute("data-watching");
  var $ = function (id) { return document.getElementById(id); };
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
  function same(a, b) { return !!a && !!b && a.kind === b.kind && (a.kind !== "level" || a.level === b.level); }
  function label(v) {
    if (!v) return "";
    if (v.kind === "unsure") return "Unsure";
    if (v.kind === "not_applicable") return "Not applicable";
    var l = view.question.levels.filter(function (x) { return x.value === v.level; })[0];
    return v.level + " " + (l ? l.label : "");
  }
  function choices() {
    var list = view.question.levels.map(function (l) { return { vote: { kind: "level", level: l.value }, title: l.value + " · " + l.label, text: l.text }; });
    list.push({ vote: { kind: "unsure" }, title: "Unsure", text: "Nobody here knows: counts as the lowest level." });
    list.push({ vote: { kind: "not_applicable" }, title: "Not applicable", text: "Does not apply to this team." });
    return list;
  }
  function render() {
    var q = view.question;
    $("where").textContent = "Question " + q.number + " of " + q.total + " · " + q.areaName;
    $("title").textContent = q.title;
    $("prompt").textContent = q.prompt;
    $("live").textContent = live ? "Live" : "Reconnecting…";
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
    if (!watching) Array.prototype.forEach.call(box.children, function (b) {
      var chosen = same(mine, b.vote);
      b.className = "choice" + (chosen ? " chosen" : "");
      b.setAttribute("aria-checked", chosen ? "true" : "false");
      b.disabled = !open;
    });
    var status;
    if (view.status === "ended") status = "The workshop has ended. Thank you!";
    else if (view.status === "paused") status = "Paused: the facilitator will resume in a moment.";
    else if (watching) status = view.phase === "revealed" ? "Votes are revealed." : "You are watching: the room is voting.";
    else if (message) status = message;
    else if (sending) status = "Sending your vote…";
    else if (view.phase === "revealed") status = "Votes are revealed." + (view.mine ? " Yours: " + label(view.mine) + "." : "");
    else if (view.mine) status = "Your vote is saved: " + label(view.mine) + ". You can change it until the votes are revealed.";
    else status = "Choose the description that matches what the team does today.";
    $("status").textContent = status;
    $("count").textContent = view.voted + " of " + view.room + " voted";
    showTimer();
    var result = $("result");
    result.textContent = "";
    if (view.revealed) {
      var t = view.revealed.tally;
      var most = Math.max.apply(null, t.levels.map(function (l) { return l.count; }).concat([t.unsure, t.notApplicable, 1]));
      var rows = t.levels.map(function (l) {
        var scale = q.levels.filter(function (x) { return x.value === l.level; })[0];
        return { name: l.level + " " + (scale ? scale.label : ""), n: l.count };
      });
      rows.push({ name: "Unsure", n: t.unsure }, { name: "Not applicable", n: t.notApplicable });
      result.appendChild(el("h2", { text: "How the room voted" }));
      var list = el("ul", { class: "bars" });
      rows.forEach(function (r) {
        var bar = el("span", { class: "bar", "aria-hidden": "true" });
        bar.style.width = Math.round((r.n / most) * 100) + "%";
        list.appendChild(el("li", {}, [el("span", { class: "bar-name", text: r.name }), el("span", { class: "bar-track" }, [bar]), el("span", { class: "bar-n", text: String(r.n) })]));
      });
      result.appendChild(list);
      var summary = t.median === null ? "No level votes." : "Median " + t.median + ", spread " + t.spread + (t.disagrees ? ": the room disagrees, worth talking about." : ".");
      result.appendChild(el("p", { text: summary }));
    }
  }
  // The countdown, when the facilitator set one: ticks on its own; the votes close on the server.
  var ticking = null;
  function showTimer() {
    var ends = view.timerEndsAt && view.status === "open" && view.phase === "voting" ? Date.parse(view.timerEndsAt) : null;
    var left = ends === null ? null : Math.max(0, Math.ceil((ends - Date.now()) / 1000));
    $("timer").textContent = left === null ? "" : left > 0 ? Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0") + " left" : "Time is up";
    if (left && !ticking) ticking = setInterval(showTimer, 500);
    if (!left && ticking) { clearInterval(ticking); ticking = null; }
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
    fetch("/api/workshop/vote", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ questionId: s.questionId, round: s.round, vote: s.vote }) })
      .then(function (r) {
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
        if (sending !== s) return;
        s.tries += 1;
        message = "Not sent yet: trying again…";
        render();
        setTimeout(post, Math.min(4000, 500 * s.tries));
      });
  }
  function connect() {
    var source = new EventSource("/api/workshop/events");
    source.addEventListener("view", function (e) {
      var next = JSON.parse(e.data);
      if (next.question.id !== view.question.id || next.round !== view.round) message = "";
      view = next;
      live = true;
      render();
      if (view.status === "ended") source.close();
    });
    source.onerror = function () {
      live = false;
      render();
      // After an error answer the browser gives up on the stream: open a new one in a moment.
      if (source.readyState === 2 && view.status !== "ended") setTimeout(connect, 2000);
    };
  }
  render();
  connect();
})();
`;
