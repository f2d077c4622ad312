// Lighthouse (mobile, its default: a mid-range phone on a slow 4G connection, simulated) on a set of
// pages, signed in through an extra Cookie header; the median of several runs per page, the pages
// interleaved so that noise from the rest of the machine hits all of them alike.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { onCleanup, ROOT } from "./server.mjs";

const CLI = path.join(ROOT, "node_modules", "lighthouse", "cli", "index.js");
const PER_RUN_TIMEOUT_MS = 180_000;
// The opportunities and diagnostics worth naming when a page loses points.
const DIAGNOSTICS = [
  "unused-javascript",
  "render-blocking-resources",
  "bootup-time",
  "mainthread-work-breakdown",
  "unminified-javascript",
  "legacy-javascript",
  "server-response-time",
  "total-byte-weight",
];

function runOnce(url, outputPath, headers) {
  const args = [
    CLI,
    url,
    "--output=json",
    `--output-path=${outputPath}`,
    "--quiet",
    "--only-categories=performance,accessibility",
    "--chrome-flags=--headless=new --no-sandbox",
  ];
  if (headers) args.push(`--extra-headers=${JSON.stringify(headers)}`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH || process.env.CHROMIUM_PATH || "/usr/bin/chromium" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    // SIGINT, not SIGKILL: Lighthouse then closes the Chrome it started.
    const stop = onCleanup(() => child.kill("SIGINT"));
    let err = "";
    child.stderr.on("data", (c) => (err += c));
    child.stdout.resume();
    const timer = setTimeout(() => child.kill("SIGINT"), PER_RUN_TIMEOUT_MS);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      stop();
      if (code !== 0) return reject(new Error(`lighthouse ${url} failed (${code ?? signal}): ${err.trim().split("\n").slice(-5).join(" / ")}`));
      try {
        resolve(summarise(JSON.parse(readFileSync(outputPath, "utf8")), outputPath));
      } catch (error) {
        reject(error);
      }
    });
  });
}

/** The scores, the points each metric costs, the largest savings and the failing accessibility audits of one report. */
function summarise(report, file) {
  const { categories, audits } = report;
  if (report.runtimeError) throw new Error(`lighthouse: ${report.runtimeError.code} ${report.runtimeError.message}`);
  const lost = categories.performance.auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => ({ id: ref.id, points: ref.weight * (1 - (audits[ref.id].score ?? 0)), value: audits[ref.id].displayValue }))
    .filter((m) => m.points >= 0.5)
    .sort((a, b) => b.points - a.points);
  const savings = DIAGNOSTICS.filter((id) => audits[id] && audits[id].score !== null && audits[id].score < 1)
    .map((id) => ({ id, value: audits[id].displayValue ?? "", ms: audits[id].details?.overallSavingsMs ?? audits[id].numericValue ?? 0 }))
    .sort((a, b) => b.ms - a.ms);
  const a11yFailures = categories.accessibility.auditRefs
    .filter((ref) => ref.weight > 0 && audits[ref.id].score !== null && audits[ref.id].score < 1)
    .map((ref) => {
      const elements = audits[ref.id].details?.items?.length;
      return elements ? `${ref.id} (${elements} element${elements === 1 ? "" : "s"})` : ref.id;
    });
  return {
    performance: Math.round(categories.performance.score * 100),
    accessibility: Math.round(categories.accessibility.score * 100),
    lost,
    savings,
    a11yFailures,
    file,
    finalUrl: report.finalDisplayedUrl ?? report.finalUrl,
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

/**
 * pages: [{ name, path, signedIn, cookie? }] (`cookie`: a page seen by someone other than the bench user, e.g. a workshop participant). Resolves with one row per page: median scores and the run
 * whose performance score is the median (for what costs the points).
 */
export async function runLighthouse({ baseUrl, pages, cookie, runs, outDir, log }) {
  mkdirSync(outDir, { recursive: true });
  const results = new Map(pages.map((p) => [p.name, []]));
  for (let run = 1; run <= runs; run++) {
    for (const page of pages) {
      log(`lighthouse ${run}/${runs}: ${page.name} ${page.path}`);
      const file = path.join(outDir, `${page.name.replace(/\W+/g, "-")}-${run}.json`);
      const pageCookie = page.cookie ?? (page.signedIn ? cookie : undefined);
      results.get(page.name).push(await runOnce(`${baseUrl}${page.path}`, file, pageCookie ? { Cookie: pageCookie } : undefined));
    }
  }
  return pages.map((page) => {
    const rows = results.get(page.name);
    const performance = median(rows.map((r) => r.performance));
    const typical = rows.find((r) => r.performance === performance);
    // A page that redirected (to /sign-in: the cookie was not accepted) was not measured at all.
    const redirected = rows.map((r) => r.finalUrl).find((u) => u && new URL(u).pathname !== page.path);
    return { ...page, performance, accessibility: median(rows.map((r) => r.accessibility)), all: rows.map((r) => r.performance), typical, redirected };
  });
}
