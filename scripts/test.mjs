// `npm test`: lint and format check, unit and data-access tests (Vitest), then every user journey in
// Chromium (Playwright). Runs every step even when one fails, and closes with one line totalling them;
// the lint counts as one test. STAVE_TEST_LINT=0 skips it (CI lints once, not once per database).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const reports = mkdtempSync(path.join(tmpdir(), "stave-test-"));
const bin = (name) => path.join(process.cwd(), "node_modules", ".bin", name);
const run = (command, args, env) => spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : undefined);

const target = process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : "the embedded database";
console.log(`Testing on ${target}.`);

const lintRun = process.env.STAVE_TEST_LINT === "0" ? undefined : run("npm", ["run", "--silent", "lint"]);
const lintCounts = lintRun ? { passed: lintRun.status === 0 ? 1 : 0, failed: lintRun.status === 0 ? 0 : 1 } : { passed: 0, failed: 0 };

const unitFile = path.join(reports, "vitest.json");
const unitRun = run(bin("vitest"), ["run"], { VITEST_JSON_REPORT: unitFile });
const unit = readJson(unitFile);
const unitCounts = unit
  ? { passed: unit.numPassedTests, failed: unit.numFailedTests + (unitRun.status === 0 ? 0 : unit.numFailedTests === 0 ? 1 : 0) }
  : { passed: 0, failed: 1 };

// Chromium drives the journeys; poppler reads the PDFs they print.
const chromium = run("bash", ["scripts/ensure-chromium.sh"]);
const browser = chromium.status === 0 ? run("bash", ["scripts/ensure-poppler.sh"]) : chromium;
const e2eFile = path.join(reports, "playwright.json");
const e2eRun = browser.status === 0 ? run(bin("playwright"), ["test"], { PLAYWRIGHT_JSON_REPORT: e2eFile }) : browser;
const e2e = readJson(e2eFile);
const e2eCounts = e2e
  ? {
      passed: e2e.stats.expected + e2e.stats.flaky,
      failed: e2e.stats.unexpected + (e2eRun.status === 0 || e2e.stats.unexpected > 0 ? 0 : 1),
      skipped: e2e.stats.skipped,
    }
  : { passed: 0, failed: 1, skipped: 0 };
rmSync(reports, { recursive: true, force: true });

const passed = lintCounts.passed + unitCounts.passed + e2eCounts.passed;
const failed = lintCounts.failed + unitCounts.failed + e2eCounts.failed;
console.log(`\nlint and format: ${lintRun ? (lintRun.status === 0 ? "passed" : "failed") : "skipped"}`);
console.log(`unit and data-access: ${unitCounts.passed} passed, ${unitCounts.failed} failed`);
console.log(`browser journeys: ${e2eCounts.passed} passed, ${e2eCounts.failed} failed, ${e2eCounts.skipped} skipped`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
