import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, visit, type Document } from "yaml";
import { z } from "zod";
import type { ModelProblem } from "./parse";

/** Path inside the archive → file text. */
export type SammFiles = ReadonlyMap<string, string>;

/** How far aliases may expand a file's text; SAMM's files use none. */
const MAX_ALIAS_EXPANSION = 100;

const reference = z.string().trim().min(1, "must not be empty");
const text = z.string().trim().min(1, "must not be empty");
const optionalText = z.string().trim().nullish();
const order = z.number().nullish();

// Only the fields the import uses: SAMM's other fields (colour, logo, assignee, progress…) are left alone.
const functionSchema = z.object({ id: reference, name: text, shortName: optionalText, description: optionalText, order });
const practiceSchema = z.object({
  id: reference,
  function: reference,
  name: text,
  shortName: text,
  shortDescription: optionalText,
  longDescription: optionalText,
  order,
});
const streamSchema = z.object({ id: reference, practice: reference, name: text, letter: text, order });
const maturityLevelSchema = z.object({ id: reference, number: z.number().int().min(1) });
const practiceLevelSchema = z.object({ id: reference, practice: reference, maturityLevel: reference });
const activitySchema = z.object({ id: reference, stream: reference, level: reference, title: text, benefit: optionalText, shortDescription: optionalText });
const questionSchema = z.object({ id: reference, activity: reference, answerSet: reference, text, order, quality: z.array(text).nullish() });
const answerSchema = z.object({ text, value: z.number(), order });
const answerSetSchema = z.object({ id: reference, values: z.array(answerSchema).min(1, "an answer set needs at least one answer") });

type SammShapes = {
  Function: z.infer<typeof functionSchema>;
  Practice: z.infer<typeof practiceSchema>;
  Stream: z.infer<typeof streamSchema>;
  MaturityLevel: z.infer<typeof maturityLevelSchema>;
  PracticeLevel: z.infer<typeof practiceLevelSchema>;
  Activity: z.infer<typeof activitySchema>;
  Question: z.infer<typeof questionSchema>;
  AnswerSet: z.infer<typeof answerSetSchema>;
};
export type SammKind = keyof SammShapes;

const schemas: { [K in SammKind]: z.ZodType<SammShapes[K]> } = {
  Function: functionSchema,
  Practice: practiceSchema,
  Stream: streamSchema,
  MaturityLevel: maturityLevelSchema,
  PracticeLevel: practiceLevelSchema,
  Activity: activitySchema,
  Question: questionSchema,
  AnswerSet: answerSetSchema,
};

/** A document as read, with the file it came from and a way to point at one of its fields. */
export type SammDocument<K extends SammKind> = SammShapes[K] & { file: string; lineOf: (field: string) => number | undefined };
export type SammDocuments = { [K in SammKind]: Map<string, SammDocument<K>> };
export type SammTree = {
  documents: SammDocuments;
  /** Ids of documents that were found but are invalid, so references to them are not also reported as dangling. */
  invalid: Set<string>;
  problems: ModelProblem[];
};

/** How problems name each kind of document. */
export const SAMM_NOUNS: Record<SammKind, string> = {
  Function: "business function",
  Practice: "practice",
  Stream: "stream",
  MaturityLevel: "maturity level",
  PracticeLevel: "practice level",
  Activity: "activity",
  Question: "question",
  AnswerSet: "answer set",
};

/** Fields that are text in SAMM even when YAML would read them otherwise (a GUID such as 1234e567… is a number to YAML 1.2). */
const TEXT_FIELDS = new Set([
  "id",
  "function",
  "practice",
  "stream",
  "level",
  "maturityLevel",
  "activity",
  "answerSet",
  "answerset",
  "name",
  "shortName",
  "letter",
  "title",
  "benefit",
  "shortDescription",
  "text",
  "quality",
]);

/** A model file's tell-tale line, so a broken editorial YAML file is ignored but a broken model file is not. */
const MODEL_TYPE_LINE = /^type:\s*["']?(Function|Practice|Stream|MaturityLevel|PracticeLevel|Activity|Question|AnswerSet)\b/m;

/**
 * SAMM's own layout keeps the model under model/; the repository also holds translations (de/, fr/…)
 * that repeat the same ids, so when a model/ folder exists only it is read.
 */
const MODEL_FOLDER = /(^|\/)model\//;

function isKind(type: unknown): type is SammKind {
  return typeof type === "string" && Object.hasOwn(schemas, type);
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === "number" ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), "");
}

function keepTextAsWritten(doc: Document): void {
  const restore = (node: unknown) => {
    if (isScalar(node) && node.value !== null && typeof node.value !== "string" && node.source) node.value = node.source;
  };
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || !TEXT_FIELDS.has(String(pair.key.value))) return;
      if (isSeq(pair.value)) pair.value.items.forEach(restore);
      else restore(pair.value);
    },
  });
  // Some SAMM releases spell a question's answer set "answerset".
  if (isMap(doc.contents) && !doc.has("answerSet")) {
    const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === "answerset");
    if (pair && isScalar(pair.key)) pair.key.value = "answerSet";
  }
}

function emptySammDocuments(): SammDocuments {
  return {
    Function: new Map(),
    Practice: new Map(),
    Stream: new Map(),
    MaturityLevel: new Map(),
    PracticeLevel: new Map(),
    Activity: new Map(),
    Question: new Map(),
    AnswerSet: new Map(),
  };
}

type LineAtPath = (keys: (string | number)[]) => number | undefined;

function store<K extends SammKind>(kind: K, data: object, file: string, lineAtPath: LineAtPath, { documents, invalid, problems }: SammTree): void {
  const parsed = schemas[kind].safeParse(data);
  if (!parsed.success) {
    if ("id" in data && typeof data.id === "string") invalid.add(data.id);
    for (const issue of parsed.error.issues) {
      const keys = issue.path.filter((k): k is string | number => typeof k !== "symbol");
      const message = /received undefined$/.test(issue.message) ? "is required but missing" : issue.message;
      problems.push({ file, path: formatPath(keys) || "(root)", line: lineAtPath(keys), message });
    }
    return;
  }
  const lineOf = (field: string) => lineAtPath([field]);
  const found: SammDocuments[K] = documents[kind];
  const twin = found.get(parsed.data.id);
  if (twin) {
    problems.push({ file, path: "id", line: lineOf("id"), message: `duplicate ${SAMM_NOUNS[kind]} id "${parsed.data.id}": ${twin.file} has it too` });
    return;
  }
  found.set(parsed.data.id, { ...parsed.data, file, lineOf });
}

function readFile(file: string, source: string, tree: SammTree): void {
  const { problems } = tree;
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : lineCounter.linePos(offset).line);
  if (doc.errors.length > 0) {
    if (!MODEL_TYPE_LINE.test(source)) return;
    for (const e of doc.errors) problems.push({ file, path: "(yaml)", line: lineAt(e.pos[0]), message: e.message.split("\n")[0]! });
    return;
  }
  keepTextAsWritten(doc);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION });
  } catch {
    if (MODEL_TYPE_LINE.test(source)) problems.push({ file, path: "(yaml)", message: "cannot be read as YAML (too many aliases?)" });
    return;
  }
  if (typeof data !== "object" || data === null || !("type" in data) || !isKind(data.type)) return;
  // Point at the deepest node that exists: a missing field is reported at its parent.
  const lineAtPath: LineAtPath = (keys) => {
    for (let depth = keys.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(keys.slice(0, depth), true);
      if (isNode(node) && node.range) return lineAt(node.range[0]);
    }
    return undefined;
  };
  store(data.type, data, file, lineAtPath, tree);
}

/** Reads every SAMM model document of the archive (by its `type:`), validating the fields the import uses. */
export function readSammDocuments(files: SammFiles): SammTree {
  const yamlPaths = [...files.keys()].filter((path) => /\.ya?ml$/i.test(path)).sort();
  const modelPaths = yamlPaths.filter((path) => MODEL_FOLDER.test(path));
  const tree: SammTree = { documents: emptySammDocuments(), invalid: new Set(), problems: [] };
  for (const file of modelPaths.length > 0 ? modelPaths : yamlPaths) readFile(file, files.get(file) ?? "", tree);
  return tree;
}
