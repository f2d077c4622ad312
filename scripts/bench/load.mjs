// Load: N virtual respondents, each saving answers to its own draft assessment one at a time (like
// the questionnaire does per question) through the real autosave route; and the same loop
// for plain GETs (a trivial route as the ceiling, pages for their server CPU).
import { request } from "./server.mjs";

const NOTES = [null, null, null, null, "We do this on most services.", "Only the payments team so far."];

function randomAnswer(levels) {
  const roll = Math.random();
  if (roll < 0.1) return { kind: "unsure" };
  if (roll < 0.15) return { kind: "not_applicable", reason: "We have no such system." };
  return { kind: "level", level: levels[Math.floor(Math.random() * levels.length)] };
}

/** The value the database should hold after the server accepted `answer` and `note`. */
function stored(answer, note) {
  return {
    kind: answer.kind,
    level: answer.kind === "level" ? answer.level : null,
    reason: answer.kind === "not_applicable" ? answer.reason : null,
    note,
  };
}

/** Saves one answer through the questionnaire's autosave route; resolves with { ok, error } (error: a short reason when not ok). */
export async function saveAnswer(baseUrl, { assessmentId, questionId, answer, note }, timeoutMs = 30_000) {
  const body = JSON.stringify({ answer, note });
  try {
    const res = await request(`${baseUrl}/api/assessments/${assessmentId}/answers/${encodeURIComponent(questionId)}`, {
      method: "PUT",
      headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) },
      body,
      timeoutMs,
    });
    const text = res.body.toString("utf8");
    if (res.status === 200 && text.includes('"savedAt"')) return { ok: true, text };
    const message = /"error":"((?:[^"\\]|\\.)*)"/.exec(text)?.[1];
    return { ok: false, error: `HTTP ${res.status}${message ? `: ${message}` : ""}`, text };
  } catch (error) {
    return { ok: false, error: `network: ${error.code ?? error.message}` };
  }
}

const percentile = (sorted, q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : NaN);

/**
 * The load loop every measurement shares: `concurrency` workers, each calling `step(worker)` one
 * call after another (an optional pause of 0.5–1.5 × thinkMs between calls); `warmupMs` not
 * counted, then `durationMs` measured (calls that start in the measured window), at most
 * `maxRequests` calls in all. `step` resolves with { ok, error }. With `cpuMs` (the server's CPU
 * clock), also the server's CPU time per call answered in the measured window.
 */
async function loadLoop({ concurrency, warmupMs, durationMs, maxRequests, thinkMs = 0, cpuMs, step }) {
  const latencies = [];
  const errors = new Map();
  let sent = 0;
  let measuredErrors = 0;
  let warmupRequests = 0;
  let answeredInWindow = 0;
  const start = performance.now();
  const measureFrom = start + warmupMs;
  const stopAt = measureFrom + durationMs;
  // Read the server's CPU clock when the measured window opens (a timer, as the workers are busy).
  let cpuAtStart;
  const cpuTimer = cpuMs && setTimeout(() => (cpuAtStart = cpuMs()), warmupMs);

  let lastAnswer = measureFrom;
  async function worker(i) {
    while (performance.now() < stopAt && sent < maxRequests) {
      sent++;
      const t0 = performance.now();
      const result = await step(i);
      const t1 = performance.now();
      if (t1 >= measureFrom) answeredInWindow++;
      if (t0 < measureFrom) {
        warmupRequests++;
      } else {
        latencies.push(t1 - t0);
        lastAnswer = Math.max(lastAnswer, t1);
        if (!result.ok) {
          measuredErrors++;
          errors.set(result.error, (errors.get(result.error) ?? 0) + 1);
        }
      }
      if (thinkMs > 0) await new Promise((r) => setTimeout(r, thinkMs * (0.5 + Math.random())));
    }
  }

  await Promise.all(Array.from({ length: concurrency }, (_, i) => worker(i)));
  clearTimeout(cpuTimer);
  const cpuAtEnd = cpuMs?.();
  // The measured window ends when its last request has answered.
  const seconds = (lastAnswer - measureFrom) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: latencies.length,
    warmupRequests,
    sent,
    errors: measuredErrors,
    errorKinds: [...errors.entries()].sort((a, b) => b[1] - a[1]),
    seconds,
    throughput: latencies.length / seconds,
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
    // CPU of the window over every request answered in it (some of them started in the warm-up).
    cpuMsPerRequest: cpuAtStart !== undefined && answeredInWindow > 0 ? (cpuAtEnd - cpuAtStart) / answeredInWindow : undefined,
  };
}

/**
 * The autosave load: each respondent saves random answers to its own draft. Returns the figures and
 * the answers the database should now hold (the last accepted save of each question; each
 * respondent is sequential).
 */
export async function runLoad({ baseUrl, data, expected = {}, concurrency, ...options }) {
  const { assessmentIds, questionIds, levels } = data;
  for (const assessmentId of assessmentIds) expected[assessmentId] ??= {};
  const figures = await loadLoop({
    ...options,
    concurrency: Math.min(concurrency, assessmentIds.length),
    async step(i) {
      const assessmentId = assessmentIds[i];
      const questionId = questionIds[Math.floor(Math.random() * questionIds.length)];
      const answer = randomAnswer(levels);
      const note = NOTES[Math.floor(Math.random() * NOTES.length)];
      const result = await saveAnswer(baseUrl, { assessmentId, questionId, answer, note });
      if (result.ok) expected[assessmentId][questionId] = stored(answer, note);
      return result;
    },
  });
  return { ...figures, expected };
}

/** GET `path` back to back from `concurrency` connections (the bench user's cookie when set, and `headers`); `status` (200) is ok. */
export function runGetLoad({ baseUrl, path, headers = {}, status = 200, ...options }) {
  return loadLoop({
    ...options,
    async step() {
      try {
        const res = await request(`${baseUrl}${path}`, { headers });
        return res.status === status ? { ok: true } : { ok: false, error: `HTTP ${res.status}` };
      } catch (error) {
        return { ok: false, error: `network: ${error.code ?? error.message}` };
      }
    },
  });
}

const COLD_TIMEOUT_MS = 15_000;

/** After a restart, every respondent with the page open autosaves at once: how many get through, and the slowest. */
export async function coldBurst(baseUrl, data, answer, expected, concurrency) {
  const n = Math.min(concurrency, data.assessmentIds.length);
  const questionId = data.questionIds[0];
  const t0 = performance.now();
  const results = await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const assessmentId = data.assessmentIds[i];
      const result = await saveAnswer(baseUrl, { assessmentId, questionId, answer, note: null }, COLD_TIMEOUT_MS);
      expected[assessmentId] = result.ok ? { [questionId]: { kind: answer.kind, level: answer.level, reason: null, note: null } } : {};
      return { ...result, ms: performance.now() - t0 };
    }),
  );
  const failures = new Map();
  for (const r of results) if (!r.ok) failures.set(r.error, (failures.get(r.error) ?? 0) + 1);
  return { sent: n, ok: results.filter((r) => r.ok).length, slowest: Math.max(...results.map((r) => r.ms)), failures: [...failures] };
}
