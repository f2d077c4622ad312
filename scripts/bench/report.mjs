// The bench's results block: every figure on one line, each with its target and whether it was met.
import { instancesLines } from "./instances.mjs";
import { CEILING_PATH } from "./settings.mjs";

const TARGET_P99_MS = 100;
const TARGET_JS_KB = 150;
// Autosave against the trivial route of the same build, on the same machine at the same concurrency.
const TARGET_SHARE_OF_CEILING = { postgres: 0.5, pglite: 0.35 };
const TARGET_P99_VS_CEILING = 2;
const TARGET_STATEMENTS_PER_SAVE = 2;
const TARGET_VIEW_VS_DOCUMENT = 2;
const TARGET_LIGHTHOUSE = { performance: 95, accessibility: 100 };
// The dashboard: p50 by organisation size, and what a browser is sent for thousands of teams.
const TARGET_DASHBOARD_P50_MS = (teams) => (teams >= 5000 ? 500 : 200);
const TARGET_DASHBOARD_PAYLOAD_KB = 300;

export const thinkNote = (settings) => (settings.thinkMs > 0 ? ` (~${settings.thinkMs} ms between saves)` : "");
const ms = (v) => `${v.toFixed(1)} ms`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const okOr = (ok) => (ok ? "ok" : "MISSED");
const cpuNote = (load) => (load.cpuMsPerRequest === undefined ? "" : `, server CPU ${load.cpuMsPerRequest.toFixed(1)} ms/req`);

function loadLine(pad, label, load) {
  const p99ok = load.p99 < TARGET_P99_MS && load.errors === 0 ? "ok" : "MISSED";
  console.log(
    `${pad} ${label}: ${load.requests} req in ${load.seconds.toFixed(1)} s ` +
      `(${load.throughput.toFixed(0)} req/s), p50 ${ms(load.p50)}, p90 ${ms(load.p90)}, p99 ${ms(load.p99)}, ` +
      `max ${ms(load.max)}, errors ${load.errors}${cpuNote(load)} (target p99 < ${TARGET_P99_MS} ms: ${p99ok})`,
  );
  errorLines(pad, load);
}

function errorLines(pad, load) {
  for (const [kind, count] of load.errorKinds.slice(0, 5)) console.log(`${pad}   ${count}× ${kind}`);
}

function ceilingLines(pad, r, settings) {
  const { ceiling, load } = r;
  console.log(
    `${pad} trivial route GET ${CEILING_PATH}, ${settings.concurrency} connections back to back (the ceiling): ${ceiling.requests} req in ${ceiling.seconds.toFixed(1)} s ` +
      `(${ceiling.throughput.toFixed(0)} req/s), p50 ${ms(ceiling.p50)}, p99 ${ms(ceiling.p99)}, errors ${ceiling.errors}${cpuNote(ceiling)}`,
  );
  errorLines(pad, ceiling);
  const share = load.throughput / ceiling.throughput;
  const p99Times = load.p99 / ceiling.p99;
  const shareTarget = TARGET_SHARE_OF_CEILING[r.driver];
  console.log(
    `${pad} autosave ${settings.concurrency} back to back: ${load.throughput.toFixed(0)} req/s = ${(share * 100).toFixed(0)}% of the trivial route ` +
      `(${ceiling.throughput.toFixed(0)} req/s) (target ≥ ${shareTarget * 100}%: ${okOr(share >= shareTarget)}); ` +
      `p99 ${load.p99.toFixed(0)} ms = ${p99Times.toFixed(1)}× the trivial route's p99 (${ceiling.p99.toFixed(0)} ms) ` +
      `(target ≤ ${TARGET_P99_VS_CEILING}×: ${okOr(p99Times <= TARGET_P99_VS_CEILING)})`,
  );
}

function statementsLine(pad, s) {
  if (!s) return;
  console.log(
    `${pad} statements per save (PostgreSQL transactions; every statement on the save path is autocommit): ` +
      `(${s.transactions} transactions − ${s.autovacuum} autovacuum runs − ${s.connections} connections opened) / ${s.saves} saves = ${s.perSave.toFixed(2)} ` +
      `(target ≤ ${TARGET_STATEMENTS_PER_SAVE}: ${okOr(Math.round(s.perSave * 100) / 100 <= TARGET_STATEMENTS_PER_SAVE)})` +
      (s.settled ? "" : " — the counter never settled; the figure may be off"),
  );
}

function pageLines(pad, pages, settings) {
  for (const { name, path: pagePath, load } of pages ?? []) {
    console.log(
      `${pad} ${name} ${pagePath}, ${settings.pageConcurrency} connections back to back: ${load.throughput.toFixed(0)} req/s, ` +
        `p50 ${ms(load.p50)}, p99 ${ms(load.p99)}, errors ${load.errors}${cpuNote(load)}`,
    );
    errorLines(pad, load);
  }
}

function viewLines(pad, view) {
  if (!view) return;
  const kinds = Object.entries(view.kinds)
    .map(([k, n]) => `${n} ${k === "static" ? "_next/static" : k === "prefetch" ? "RSC prefetch" : k}`)
    .join(", ");
  console.log(
    `${pad} cold browser view of /teams (fresh context, until network idle; mean of ${view.views}): server CPU ${ms(view.cpuMs)} ` +
      `vs ${ms(view.documentCpuMs)} for the document alone (mean of ${view.samples}) = ${view.ratio.toFixed(1)}× ` +
      `(target ≤ ${TARGET_VIEW_VS_DOCUMENT}×: ${okOr(view.ratio <= TARGET_VIEW_VS_DOCUMENT)}); ${view.requests} requests: ${kinds}`,
  );
  console.log(
    `${pad}   view CPU per run: ${view.cpuAll.map((c) => c.toFixed(0)).join(", ")} ms; of the prefetches, ${view.segmentPrefetches} ask for a segment tree ` +
      `(Next-Router-Segment-Prefetch); ${view.aborted} responses were cancelled by the client before their end (net::ERR_ABORTED)`,
  );
  if (view.failed.length) console.log(`${pad}   ${view.failed.length} failed request(s), e.g. ${view.failed[0]}`);
}

function lighthouseLines(pad, rows, settings) {
  if (!rows) return;
  console.log(
    `${pad} Lighthouse mobile (median of ${settings.lighthouseRuns}; target performance ≥ ${TARGET_LIGHTHOUSE.performance}, accessibility ${TARGET_LIGHTHOUSE.accessibility}):`,
  );
  console.log(`${pad}   ${"page".padEnd(14)} ${"perf".padStart(4)} ${"a11y".padStart(4)}  perf runs   verdict`);
  for (const row of rows) {
    const missed = [
      row.performance < TARGET_LIGHTHOUSE.performance && "performance",
      row.accessibility < TARGET_LIGHTHOUSE.accessibility && "accessibility",
    ].filter(Boolean);
    const verdict = row.redirected ? "NOT MEASURED" : missed.length ? `MISSED (${missed.join(", ")})` : "ok";
    console.log(
      `${pad}   ${row.name.padEnd(14)} ${String(row.performance).padStart(4)} ${String(row.accessibility).padStart(4)}  ${row.all.join("/").padEnd(11)} ${verdict}` +
        (row.redirected ? ` — redirected to ${row.redirected}` : ""),
    );
  }
  for (const row of rows) {
    const t = row.typical;
    if (row.performance < TARGET_LIGHTHOUSE.performance && t.lost.length) {
      const lost = t.lost
        .slice(0, 4)
        .map((m) => `${m.id} −${m.points.toFixed(0)} (${m.value})`)
        .join(", ");
      const savings = t.savings
        .slice(0, 4)
        .map((d) => `${d.id} ${d.value}`.trim())
        .join(", ");
      console.log(`${pad}   ${row.name}: points lost to ${lost}${savings ? `; ${savings}` : ""}`);
    }
    if (row.accessibility < TARGET_LIGHTHOUSE.accessibility) console.log(`${pad}   ${row.name}: accessibility audits failing: ${t.a11yFailures.join(", ")}`);
  }
}

const payloadOk = (view) => Math.max(view.html.gzip, view.rsc.gzip) < TARGET_DASHBOARD_PAYLOAD_KB * 1024;

/** Whether a generated organisation's dashboard missed a target (then the bench prints its query plans). */
/** The 500 teams' department view under back-to-back readers, to compare with many instances. */
const departmentLoad = (dashboards) => dashboards?.find((d) => d.teams === 500)?.views.find((v) => v.name === "one department")?.load;

export function dashboardMissed(_driver, result) {
  const slow = (load) => load.p50 >= TARGET_DASHBOARD_P50_MS(result.teams) || load.errors > 0;
  return result.views.some((v) => slow(v.load) || slow(v.paced) || (result.teams >= 5000 && !payloadOk(v)));
}

function apiLines(pad, api = [], ceiling) {
  for (const a of api) {
    const vs = ceiling ? `; the trivial route: p50 ${ms(ceiling.p50)}${cpuNote(ceiling)}` : "";
    console.log(
      `${pad} API, ${a.name} (${kb(a.bytes)}), 10 clients back to back: ${a.full.throughput.toFixed(1)} req/s, p50 ${ms(a.full.p50)}, p95 ${ms(a.full.p95)}, errors ${a.full.errors}${cpuNote(a.full)}${vs}`,
    );
    console.log(
      `${pad}   revalidated (If-None-Match, 304): p50 ${ms(a.revalidated.p50)}, p95 ${ms(a.revalidated.p95)}, errors ${a.revalidated.errors}${cpuNote(a.revalidated)}`,
    );
    errorLines(pad, a.full);
    errorLines(pad, a.revalidated);
  }
}

function dashboardLines(pad, dashboards = []) {
  for (const d of dashboards) {
    for (const v of d.views) {
      const target = TARGET_DASHBOARD_P50_MS(d.teams);
      const payload = `HTML ${kb(v.html.gzip)} gzip (${kb(v.html.raw)} raw), RSC ${kb(v.rsc.gzip)} gzip`;
      const payloadTarget = d.teams >= 5000 ? ` (target < ${TARGET_DASHBOARD_PAYLOAD_KB} KB: ${okOr(payloadOk(v))})` : "";
      const met = (load) => okOr(load.p50 < target && load.errors === 0);
      console.log(
        `${pad} dashboard, ${d.teams} teams × 12 (${d.assessments} assessments, ${d.groups} groups), ${v.name} (${v.teams} teams), 10 readers back to back: ` +
          `${v.load.throughput.toFixed(1)} req/s, p50 ${ms(v.load.p50)}, p95 ${ms(v.load.p95)}, errors ${v.load.errors}${cpuNote(v.load)} ` +
          `(target p50 < ${target} ms: ${met(v.load)}); ${payload}${payloadTarget}`,
      );
      console.log(
        `${pad}   the same, 10 readers each viewing about once a second: p50 ${ms(v.paced.p50)}, p95 ${ms(v.paced.p95)}, errors ${v.paced.errors}${cpuNote(v.paced)} ` +
          `(target p50 < ${target} ms: ${met(v.paced)})`,
      );
      console.log(
        `${pad}   the same, one reader at a time: p50 ${ms(v.alone.p50)}, p95 ${ms(v.alone.p95)}${cpuNote(v.alone)}; ` +
          `the first view after a change (figures computed afresh): ${ms(v.firstViewMs)}`,
      );
      errorLines(pad, v.load);
    }
    for (const [name, plan] of Object.entries(d.plans ?? {})) {
      console.log(`${pad}   query plan, ${name}:`);
      for (const line of plan) console.log(`${pad}     ${line}`);
    }
  }
}

/** Delivery events in, against the trivial route; then a team's metrics computed from them. */
export function ingestLines(pad, delivery, ceiling) {
  if (!delivery) return;
  const { ingest: i, metrics: m } = delivery;
  const against = ceiling ? ` (the trivial route: p99 ${ms(ceiling.p99)})` : "";
  console.log(
    `${pad} ingest, ${i.events} events by ${i.clients} clients in batches of ${i.batch}: ${i.recorded}/${i.events} recorded in ${i.seconds.toFixed(1)} s, ` +
      `${i.eventsPerSecond.toFixed(0)} events/s; per request p50 ${ms(i.p50)}, p99 ${ms(i.p99)}, max ${ms(i.max)}${against}; ` +
      `server CPU ${i.cpuMsPerEvent.toFixed(2)} ms/event; errors ${i.errors.reduce((n, [, c]) => n + c, 0)}`,
  );
  for (const [error, count] of i.errors.slice(0, 3)) console.log(`${pad}   ${count}× ${error}`);
  console.log(
    `${pad}   a team's delivery metrics (${m.quarters} quarters, computed in SQL), ${m.readers} readers back to back: ` +
      `${m.load.throughput.toFixed(1)} req/s, p50 ${ms(m.load.p50)}, p95 ${ms(m.load.p95)}, errors ${m.load.errors}${cpuNote(m.load)}`,
  );
  const o = delivery.organisation;
  if (o)
    console.log(
      `${pad}   the organisation's dashboard with its delivery spread (${o.teams} teams measured): first read after the ingest ${ms(o.coldMs)}; ` +
        `${o.readers} readers back to back: ${o.load.throughput.toFixed(1)} req/s, p50 ${ms(o.load.p50)}, p95 ${ms(o.load.p95)}, errors ${o.load.errors}${cpuNote(o.load)}`,
    );
}

/** Prints one driver's figures, each against its target. */
export function report(r, settings) {
  const pad = r.driver.padEnd(8);
  const { weight, verified } = r;
  if (r.driver === "postgres" && settings.throwaway) {
    console.log(`${pad} database: throwaway PostgreSQL ${settings.throwaway.version} on 127.0.0.1:${settings.throwaway.port} (deleted at the end)`);
  }
  loadLine(pad, `autosave, ${settings.concurrency} respondents saving back to back${thinkNote(settings)}`, r.load);
  ceilingLines(pad, r, settings);
  statementsLine(pad, r.statements);
  loadLine(pad, `autosave, ${settings.concurrency} respondents ~${settings.pacedThinkMs} ms apart`, r.paced);
  const { cold } = r;
  console.log(
    `${pad} first autosaves after server start (${cold.sent} at once): ${cold.ok}/${cold.sent} ok, slowest ${ms(cold.slowest)}` +
      (cold.ok < cold.sent ? ` — FAILED: ${cold.failures.map(([e, c]) => `${c}× ${e}`).join("; ")} (server restarted for the figures above)` : ""),
  );
  console.log(
    `${pad} saved answers check: ${verified.checked - verified.mismatches}/${verified.checked} last saves found in the database` +
      (verified.mismatches ? ` — ${verified.mismatches} MISSING OR DIFFERENT` : ""),
  );
  for (const e of verified.examples ?? []) console.log(`${pad}   ${e}`);
  pageLines(pad, r.pages, settings);
  dashboardLines(pad, r.dashboards);
  apiLines(pad, r.api, r.ceiling);
  ingestLines(pad, r.delivery, r.ceiling);
  instancesLines(pad, r.instances, { ceiling: r.ceiling, load: r.load, dashboard: departmentLoad(r.dashboards) }, settings);
  viewLines(pad, r.view);
  const jsOk = weight.totalGzip <= TARGET_JS_KB * 1024 ? "ok" : "MISSED";
  console.log(
    `${pad} questionnaire JS: ${kb(weight.totalGzip)} gzip (${kb(weight.totalRaw)} raw) in ${weight.files.length} scripts ` +
      `(target ≤ ${TARGET_JS_KB} KB: ${jsOk}); HTML ${kb(weight.htmlGzip)} gzip incl. ${weight.inlineScripts} inline scripts (${kb(weight.inlineGzip)} gzip)`,
  );
  for (const f of weight.files.slice(0, 5)) console.log(`${pad}   ${kb(f.gzip).padStart(9)}  ${f.path}`);
  for (const f of weight.noModule) {
    console.log(`${pad}   not counted: ${kb(f.gzip)} gzip <script nomodule> ${f.path} (legacy-browser polyfills; modern browsers skip it)`);
  }
  workshopLines(pad, r.workshop, r.participantPage);
  answeringLines(pad, r.answering);
  lighthouseLines(pad, r.lighthouse, settings);
  if (r.serverErrors.length) {
    console.log(`${pad} server logged ${r.serverErrors.length} error line(s), e.g.: ${r.serverErrors[0].slice(0, 200)}`);
  }
}

const TARGET_WORKSHOP_P95_MS = 300;
const TARGET_PARTICIPANT_JS_KB = 80;

/** The workshop's figures: vote to screen, all counted, nothing lost or doubled, and the phone page's weight. */
function workshopLines(pad, w, page) {
  if (!w) return;
  const lost = w.participants - (w.stored?.participants ?? 0);
  const doubled = (w.stored?.rows ?? 0) - (w.stored?.participants ?? 0);
  console.log(
    `${pad} workshop, ${w.participants} participants with an event stream each, all voting within 2 s (${w.sent} votes sent, a tenth twice): ` +
      `vote to facilitator's screen p50 ${ms(w.p50)}, p95 ${ms(w.p95)}, max ${ms(w.max)} (target p95 < ${TARGET_WORKSHOP_P95_MS} ms: ${w.p95 < TARGET_WORKSHOP_P95_MS ? "ok" : "MISSED"}); ` +
      `all ${w.participants} counted ${w.allCountedMs === null ? "NEVER (only " + w.seen + ")" : `${ms(w.allCountedMs)} after the first was sent`}; ` +
      `${w.accepted}/${w.sent} accepted; stored ${w.stored?.rows ?? "?"} votes from ${w.stored?.participants ?? "?"} participants: ${lost} lost, ${doubled} doubled (target none: ${lost === 0 && doubled === 0 && w.allCountedMs !== null ? "ok" : "MISSED"})`,
  );
  if (page) {
    const js = page.inlineScriptGzip;
    console.log(
      `${pad} participant page /w: ${kb(page.htmlGzip)} gzip in all, its script ${kb(js)} gzip inline and ${page.scriptFiles} script files (target ≤ ${TARGET_PARTICIPANT_JS_KB} KB: ${js <= TARGET_PARTICIPANT_JS_KB * 1024 && page.scriptFiles === 0 ? "ok" : "MISSED"})`,
    );
  }
}

const TARGET_FIRST_WORDS = 5_000;

/** What answering costs a person: words a first assessment shows, its estimate, and the clicks of an unchanged re-assessment. */
function answeringLines(pad, a) {
  if (!a) return;
  for (const f of a.first) {
    console.log(
      `${pad} first assessment, words shown by default on a ${f.viewport}: ${f.words} (areas ${f.perArea.join(" + ")}, the rest of the page once; ` +
        `target ≤ ${TARGET_FIRST_WORDS}: ${f.words <= TARGET_FIRST_WORDS ? "ok" : "MISSED"}); the page estimates "${f.estimate}"`,
    );
  }
  const r = a.reassessment;
  const areas = a.first[0]?.perArea.length ?? 0;
  console.log(
    `${pad} re-assessment with nothing changed: ${r.clicks} clicks from "Start an assessment" to the results ` +
      `(target: one per area plus submit, ${areas + 1}, with the start: ${areas + 2}: ${r.clicks <= areas + 2 ? "ok" : "MISSED"}); ` +
      `offered as "${r.offer}"; opened with "${r.carried}"${r.reviewed ? `; the results say "${r.reviewed}"` : ""}`,
  );
}
