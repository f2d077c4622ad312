// A live workshop under a room's load: every participant's phone holds an event stream open, and
// all of them vote within the same two seconds, as a room does after "vote now". Measured: how long
// from a vote being sent until the facilitator's screen shows it (the presenter's stream is the same
// stream shaped for another audience), how long until every vote is counted, and whether any vote
// was lost or counted twice (a tenth of the phones send theirs twice).
import http from "node:http";

const VOTE_WINDOW_MS = 2000;
const SETTLE_TIMEOUT_MS = 15_000;

/** Opens an event stream; calls `onView` with each view and the time it arrived. */
function openStream(url, cookie, onView) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { Cookie: cookie, Accept: "text/event-stream" }, agent: false }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`GET ${new URL(url).pathname} answered ${res.statusCode}`));
        res.resume();
        return;
      }
      let buffer = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => {
        const at = performance.now();
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = message.split("\n").find((l) => l.startsWith("data: "));
          if (message.includes("event: view") && data) onView(JSON.parse(data.slice(6)), at);
        }
      });
      resolve({ close: () => req.destroy() });
    });
    req.on("error", reject);
  });
}

function post(url, cookie, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: "POST", headers: { Cookie: cookie, "Content-Type": "application/json" }, agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode));
    });
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}

const percentile = (sorted, p) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);

export async function measureWorkshop({ server, data, log }) {
  const base = server.url;
  const seenAt = new Map(); // participant name → when the facilitator's screen first listed them as voted
  let facilitatorVoted = 0;
  const facilitator = await openStream(`${base}/api/workshops/${data.workshopId}/events`, data.cookie, (view, at) => {
    facilitatorVoted = view.voted;
    for (const name of view.facilitator?.votedNames ?? []) if (!seenAt.has(name)) seenAt.set(name, at);
  });
  const phones = [];
  let phoneViews = 0;
  for (const p of data.participants) {
    phones.push(await openStream(`${base}/api/workshop/events`, `stave_participant=${p.token}`, () => phoneViews++));
  }
  const connected = performance.now();
  while (phoneViews < data.participants.length && performance.now() - connected < SETTLE_TIMEOUT_MS) await new Promise((r) => setTimeout(r, 20));
  log(`workshop: ${data.participants.length} phones hold an event stream; all voting within ${VOTE_WINDOW_MS / 1000} s…`);

  const sentAt = new Map();
  const statuses = [];
  const start = performance.now();
  await Promise.all(
    data.participants.map(async (p, i) => {
      await new Promise((r) => setTimeout(r, Math.random() * VOTE_WINDOW_MS));
      const body = { questionId: data.questionId, round: 1, vote: { kind: "level", level: data.levels[i % data.levels.length] } };
      sentAt.set(p.name, performance.now());
      statuses.push(await post(`${base}/api/workshop/vote`, `stave_participant=${p.token}`, body));
      if (i % 10 === 0) statuses.push(await post(`${base}/api/workshop/vote`, `stave_participant=${p.token}`, body));
    }),
  );
  while (seenAt.size < data.participants.length && performance.now() - start < VOTE_WINDOW_MS + SETTLE_TIMEOUT_MS) await new Promise((r) => setTimeout(r, 10));
  const allCountedMs = seenAt.size === data.participants.length ? Math.max(...seenAt.values()) - start : null;
  facilitator.close();
  for (const phone of phones) phone.close();

  const latencies = data.participants.flatMap((p) => (seenAt.has(p.name) ? [seenAt.get(p.name) - sentAt.get(p.name)] : [])).sort((a, b) => a - b);
  return {
    participants: data.participants.length,
    sent: statuses.length,
    accepted: statuses.filter((s) => s === 200).length,
    refused: statuses.filter((s) => s !== 200).length,
    seen: seenAt.size,
    facilitatorVoted,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: latencies.at(-1) ?? NaN,
    allCountedMs,
  };
}

/** What a participant's phone downloads for the voting page: its HTML with the inline script, and any script files. */
export async function measureParticipantPage(baseUrl, token) {
  const { gzipSync } = await import("node:zlib");
  const body = await new Promise((resolve, reject) => {
    http
      .get(`${baseUrl}/w`, { headers: { Cookie: `stave_participant=${token}`, "Accept-Encoding": "identity" }, agent: false }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`GET /w answered ${res.statusCode}`));
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve(Buffer.concat(chunks)));
      })
      .on("error", reject);
  });
  const html = body.toString("utf8");
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*application\/json)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join("\n");
  return {
    htmlGzip: gzipSync(body).length,
    scriptFiles: [...html.matchAll(/<script[^>]*\bsrc=/g)].length,
    inlineScriptGzip: gzipSync(Buffer.from(inline)).length,
  };
}
