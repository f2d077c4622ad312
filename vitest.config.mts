import path from "node:path";
import { defineConfig } from "vitest/config";

const reportFile = process.env.VITEST_JSON_REPORT;

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      "server-only": path.resolve(__dirname, "test/empty-module.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "content/**/*.test.ts", "server/**/*.test.ts", "views/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    // Opening a fresh PGlite and migrating it can take several seconds on a small machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: true,
    reporters: reportFile ? ["default", "json"] : ["default"],
    outputFile: reportFile ? { json: reportFile } : undefined,
  },
});
