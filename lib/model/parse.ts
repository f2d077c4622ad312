import { isNode, LineCounter, parseDocument } from "yaml";
import { modelSchema, type Model } from "./schema";

/** How far aliases may expand a model's text; a real model needs none. */
const MAX_ALIAS_EXPANSION = 100;

export type ModelProblem = { file: string; path: string; line?: number; message: string };
export type ParseModelResult = { ok: true; model: Model } | { ok: false; problems: ModelProblem[] };

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === "number") return `${out}[${key}]`;
    return out ? `${out}.${String(key)}` : String(key);
  }, "");
}

/** Parses and validates one model file's text; problems name the file, the path inside it and the line. */
export function parseModel(source: string, file: string): ParseModelResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : lineCounter.linePos(offset).line);

  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({ file, path: "(yaml)", line: lineAt(e.pos[0]), message: e.message.split("\n")[0]! })),
    };
  }

  let data: unknown;
  try {
    // Aliases (YAML's *references* to &anchors) could expand exponentially: a few are fine, a bomb is refused.
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION });
  } catch (error) {
    const message =
      error instanceof ReferenceError && /alias/i.test(error.message)
        ? "uses too many aliases (*references* to &anchors): it would expand without limit"
        : "cannot be read as YAML";
    return { ok: false, problems: [{ file, path: "(yaml)", message }] };
  }
  const parsed = modelSchema.safeParse(data);
  if (parsed.success) return { ok: true, model: parsed.data };

  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      // Point at the deepest node that exists: a missing key is reported at its parent.
      const keys = issue.path.filter((k): k is string | number => typeof k !== "symbol");
      let line: number | undefined;
      for (let depth = keys.length; depth >= 0 && line === undefined; depth--) {
        const node = depth === 0 ? doc.contents : doc.getIn(keys.slice(0, depth), true);
        if (isNode(node) && node.range) line = lineAt(node.range[0]);
      }
      const message = /received undefined$/.test(issue.message) ? "is required but missing" : issue.message;
      return { file, path: formatPath(issue.path) || "(root)", line, message };
    }),
  };
}

export function formatProblem(p: ModelProblem): string {
  return `${p.file}${p.line ? `:${p.line}` : ""} at ${p.path}: ${p.message}`;
}
