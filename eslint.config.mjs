// The conventions that a rule can hold: the environment is read in one module, no statement deletes or
// updates every row, imports run downhill only. Plus the recommended rules that catch real bugs.
// Formatting belongs to Prettier alone (`npm run format`); no rule here is about layout.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import drizzle from "eslint-plugin-drizzle";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const code = ["**/*.{ts,tsx,mts}", "**/*.mjs"];
const tests = ["**/*.test.{ts,tsx}", "test/**", "e2e/**"];

/** Refuses imports of the named top-level folders, by alias (`@/db/…`) or by a relative path (`../../db/…`). */
function floor(folders, message) {
  return {
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ regex: `^(@/|(\\.\\./)+)(${folders.join("|")})(/|$)`, message }] }],
    },
  };
}

export default tseslint.config(
  {
    ignores: ["node_modules/", ".next/", ".next-*/", "data/", ".e2e-data/", "test-results/", "playwright-report/", "coverage/", "next-env.d.ts"],
  },
  { files: code, extends: [js.configs.recommended, tseslint.configs.recommended] },
  {
    files: code,
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    plugins: { drizzle },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true }],
      // `db`, `tx` and `ctx.db` are the database handles; a Map's or a Set's `delete` is not.
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read the environment through env() of lib/env.ts." }],
    },
  },
  {
    // Where the environment is legitimately read: its module, the tools around the app, Next's own
    // switches in instrumentation (inlined at build time, before any module of the app may load), tests.
    files: ["lib/env.ts", "scripts/**", "e2e/**", "*.config.{ts,mts,mjs}", "instrumentation.ts", ...tests],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // Playwright reads which fixtures a hook needs from its first parameter, so `({}, testInfo)` is its idiom.
    files: ["e2e/**"],
    rules: { "no-empty-pattern": ["error", { allowObjectPatternsAsParameters: true }] },
  },
  {
    files: ["**/*.tsx", "**/use-*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
  // The floors. Tests may reach upwards (a route handler's test imports the route); the code may not.
  // Which server/ modules a shared component may use (server actions only) is checked in
  // test/import-arrows.test.ts, since it depends on the imported file's contents.
  {
    files: ["components/**"],
    ignores: tests,
    ...floor(["app", "db", "views"], "components/ sit above the database: take data as props, types from lib/."),
  },
  {
    files: ["lib/**"],
    ignores: tests,
    ...floor(["app", "components", "server", "db", "views"], "lib/ is pure and at the bottom."),
  },
  {
    files: ["db/**"],
    ignores: tests,
    ...floor(["app", "components", "server", "views"], "db/ sits below them."),
  },
  { files: ["server/**"], ignores: tests, ...floor(["app", "components"], "server/ sits below them.") },
  { files: ["views/**"], ignores: tests, ...floor(["app", "components", "server"], "views/ sit below them.") },
  {
    files: ["app/**/{page,layout,template,default,loading,error,not-found}.tsx", "app/**/_components/**"],
    ignores: [...tests],
    ...floor(["db"], "A page renders a view of views/ and never reads db/ itself."),
  },
  prettier,
);
