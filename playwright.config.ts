import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./scripts/chromium.mjs";

// Every journey signs up from this machine's one address: the shared server and the own servers
// (which inherit it) let it; the spec of the limit starts a server with a small one.
process.env.STAVE_SIGN_UP_LIMIT ??= "100000";

// E2E_PORT lets two checkouts run their journeys side by side.
const port = Number(process.env.E2E_PORT ?? 3100);
const jsonReport = process.env.PLAYWRIGHT_JSON_REPORT;

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  // One server, shared by the tests; each test signs up its own people and organisation. Two
  // workers on either database: the embedded one answers a query at a time, but a journey spends
  // most of its time in the browser, so a second one overlaps it.
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: jsonReport ? [["list"], ["json", { outputFile: jsonReport }]] : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [
    { name: "setup", testMatch: /setup\.spec\.ts/, use: { ...devices["Desktop Chrome"] } },
    { name: "journeys", testIgnore: /setup\.spec\.ts/, dependencies: ["setup"], use: { ...devices["Desktop Chrome"] } },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `http://localhost:${port}/api/ready`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    // Set explicitly: the server must use the database this run means, never an inherited one by accident.
    env: { PORT: String(port), DATABASE_URL: process.env.DATABASE_URL ?? "" },
  },
});
