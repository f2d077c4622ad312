import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Imports run downhill only: app → components → server → db → lib. A shared component may use a
// server action ("use server" module) but nothing else of the server, and never app/ or db/.
const root = path.resolve(__dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const relative = path.join(dir, name);
    if (statSync(path.join(root, relative)).isDirectory()) return sourceFiles(relative);
    // Tests may reach upwards (a route handler's test imports the route); the code itself may not.
    return /\.(ts|tsx|mts)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [relative] : [];
  });
}

/** Every module a file imports, as a path from the project root ("" for packages). */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), "utf8");
  const specifiers = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm)].map((m) => m[1]!);
  return specifiers.map((s) => (s.startsWith("@/") ? s.slice(2) : s.startsWith(".") ? path.join(path.dirname(file), s) : ""));
}

const isServerActionModule = (target: string) => {
  for (const ext of [".ts", ".tsx"]) {
    try {
      return /^\s*["']use server["']/.test(readFileSync(path.join(root, target + ext), "utf8"));
    } catch {
      // try the next extension
    }
  }
  return false;
};

function violations(dir: string, refused: (target: string) => string | undefined): string[] {
  return sourceFiles(dir).flatMap((file) =>
    importsOf(file).flatMap((target) => {
      const why = target ? refused(target) : undefined;
      return why ? [`${file} imports ${target}: ${why}`] : [];
    }),
  );
}

/** Pages, layouts and route-private components render views; they never read the database themselves. */
const isScreen = (file: string) => /(^|\/)(page|layout)\.tsx$/.test(file) || file.split(path.sep).includes("_components");
const screenRefusal = (target: string) => (target.startsWith("db/") ? "a page renders a view (views/), it never imports db/" : undefined);

describe("import arrows", () => {
  it("components/ import nothing from app/ or db/, and from server/ only server actions", () => {
    expect(
      violations("components", (t) =>
        t.startsWith("app/")
          ? "app/ is above components/"
          : t.startsWith("db/")
            ? "components/ never reach the database"
            : t.startsWith("server/") && !isServerActionModule(t)
              ? "only server-action modules of server/"
              : undefined,
      ),
    ).toEqual([]);
  });

  it("lib/ imports nothing of the app, its components, the server or the database", () => {
    expect(violations("lib", (t) => (/^(app|components|server|db)\//.test(t) ? "lib/ is pure and at the bottom" : undefined))).toEqual([]);
  });

  it("db/ imports nothing of the app, its components or the server", () => {
    expect(violations("db", (t) => (/^(app|components|server)\//.test(t) ? "db/ sits below them" : undefined))).toEqual([]);
  });

  it("server/ imports nothing of the app or its components", () => {
    expect(violations("server", (t) => (/^(app|components)\//.test(t) ? "server/ sits below them" : undefined))).toEqual([]);
  });

  it("pages, layouts and _components under app/ import nothing of db/", () => {
    expect(violations("app", (t) => screenRefusal(t)).filter((v) => isScreen(v.split(" imports ")[0]!))).toEqual([]);
  });

  it("views/ import nothing of the app or its components", () => {
    expect(violations("views", (t) => (/^(app|components)\//.test(t) ? "views/ sit below the pages that render them" : undefined))).toEqual([]);
  });

  it("finds a page that imports db/", () => {
    // A page written the forbidden way (kept as text, so it is never built): the rule must see it.
    expect(importsOf("test/fixtures/page-that-reads-db.tsx.txt").map(screenRefusal).filter(Boolean)).toHaveLength(1);
    expect(isScreen("app/members/page.tsx")).toBe(true);
    expect(isScreen("app/teams/[teamId]/assessments/[assessmentId]/results/_components/what-moved.tsx")).toBe(true);
    expect(isScreen("app/teams/actions.ts")).toBe(false);
  });

  it("finds a forbidden import when there is one", () => {
    // The checks above would pass on a tree they cannot read; make sure they read this one.
    expect(importsOf("components/site-header.tsx")).toContain("server/session-actions");
    expect(isServerActionModule("server/session-actions")).toBe(true);
    expect(isServerActionModule("server/session")).toBe(false);
  });
});
