// Autosave load: N virtual respondents, each saving answers to its own draft assessment one at a
// time (like the questionnaire does per question), through the real server action endpoint.
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

/** Calls saveAnswerAction once; resolves with { ok, error } (error: a short reason when not ok). */
export async function saveAnswer(baseUrl, actionId, { teamId, assessmentId, questionId, answer, note }, timeoutMs = 30_000) {
  const body = JSON.stringify([{ assessmentId, questionId, answer, note }]);
  try {
    const res = await request(`${baseUrl}/teams/${teamId}/assessments/${assessmentId}`, {
      method: "POST",
      headers: {
        "Next-Action": actionId,
        Accept: "text/x-component",
        "Content-Type": "text/plain;charset=UTF-8",
        "Content-Length": Buffer.byteLength(body),
      },
      body,
      timeoutMs,
    });
    const text = res.body.toString("utf8");
    if (res.status === 200 && text.includes('"ok":true')) return { ok: true, text };
    const message = /"error":"((?:[^"\\]|\\.)*)"/.exec(text)?.[1];
    return { ok: false, error: `HTTP ${res.status}${message ? `: ${message}` : ""}`, text };
  } catch (error) {
    return { ok: false, error: `network: ${error.code ?? error.message}` };
  }
}

const percentile = (sorted, q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : NaN);

/**
 * Runs the load: `warmupMs` not counted, then `durationMs` measured (requests that start in the
 * measured window), at most `maxRequests` in all. Returns the figures and the answers the
 * database should now hold (the last accepted save of each question; each respondent is sequential).
 */
export async function runLoad({ baseUrl, actionId, data, expected = {}, concurrency, warmupMs, durationMs, maxRequests, thinkMs = 0 }) {
  const { teamIds, assessmentIds, questionIds, levels } = data;
  const latencies = [];
  const errors = new Map();
  let sent = 0;
  let measuredErrors = 0;
  let warmupRequests = 0;
  const start = performance.now();
  const measureFrom = start + warmupMs;
  const stopAt = measureFrom + durationMs;

  let lastAnswer = measureFrom;
  async function respondent(i) {
    const teamId = teamIds[i];
    const assessmentId = assessmentIds[i];
    expected[assessmentId] ??= {};
    while (performance.now() < stopAt && sent < maxRequests) {
      sent++;
      const questionId = questionIds[Math.floor(Math.random() * questionIds.length)];
      const answer = randomAnswer(levels);
      const note = NOTES[Math.floor(Math.random() * NOTES.length)];
      const t0 = performance.now();
      const result = await saveAnswer(baseUrl, actionId, { teamId, assessmentId, questionId, answer, note });
      const t1 = performance.now();
      if (result.ok) expected[assessmentId][questionId] = stored(answer, note);
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
      // Optional pause between saves (uniform 0.5–1.5 × thinkMs), like a person reading the next question.
      if (thinkMs > 0) await new Promise((r) => setTimeout(r, thinkMs * (0.5 + Math.random())));
    }
  }

  await Promise.all(Array.from({ length: Math.min(concurrency, assessmentIds.length) }, (_, i) => respondent(i)));
  // The measured window ends when its last request has answered.
  const seconds = (lastAnswer - measureFrom) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: latencies.length,
    warmupRequests,
    errors: measuredErrors,
    errorKinds: [...errors.entries()].sort((a, b) => b[1] - a[1]),
    seconds,
    throughput: latencies.length / seconds,
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    p99: percentile(sorted, 0.99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
    expected,
  };
}
