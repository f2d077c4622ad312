import type { ModelProblem } from "./parse";
import type { SammAreas } from "./samm-defaults";
import { modelSchema, type Area, type Model } from "./schema";
import { formatPath, readSammDocuments, SAMM_NOUNS, type SammDocument, type SammFiles, type SammKind, type SammTree } from "./samm-documents";
import { SAMM_DEFAULTS, SAMM_RELEASE, SAMM_SOURCE } from "./samm-defaults";
import { firstParagraph, kebab, sammQuestionTexts, sammScale, truncate } from "./samm-texts";

export type { SammFiles } from "./samm-documents";
export type { SammAreas } from "./samm-defaults";
export type SammOptions = { areas: SammAreas; id?: string; version?: string; name?: string };
export type SammResult = { ok: true; model: Model; questions: number } | { ok: false; problems: ModelProblem[] };

type Doc<K extends SammKind> = SammDocument<K>;
type Answer = Doc<"AnswerSet">["values"][number];

/** A SAMM question with everything it hangs from, resolved. */
type Placed = {
  fn: Doc<"Function">;
  practice: Doc<"Practice">;
  stream: Doc<"Stream">;
  maturity: number;
  activity: Doc<"Activity">;
  question: Doc<"Question">;
  answerSet: Doc<"AnswerSet">;
};

const ARCHIVE = "(archive)";

function dangling<K extends SammKind>({ documents, invalid }: SammTree, kind: K, field: keyof Doc<K> & string, target: SammKind): ModelProblem[] {
  return [...documents[kind].values()].flatMap((doc) => {
    const id = doc[field];
    if (typeof id !== "string" || documents[target].has(id) || invalid.has(id)) return [];
    return [{ file: doc.file, path: field, line: doc.lineOf(field), message: `no ${SAMM_NOUNS[target]} has id "${id}"` }];
  });
}

function referenceProblems(tree: SammTree): ModelProblem[] {
  const { Activity, Stream, PracticeLevel } = tree.documents;
  // An activity's stream and its practice level must belong to the same practice, or it would be scored twice over.
  const mismatched = [...Activity.values()].flatMap((activity) => {
    const stream = Stream.get(activity.stream);
    const level = PracticeLevel.get(activity.level);
    if (!stream || !level || stream.practice === level.practice) return [];
    if (!tree.documents.Practice.has(stream.practice) || !tree.documents.Practice.has(level.practice)) return [];
    return [
      {
        file: activity.file,
        path: "level",
        line: activity.lineOf("level"),
        message: `practice level "${level.id}" belongs to another practice than stream "${stream.id}"`,
      },
    ];
  });
  return [
    ...dangling(tree, "Practice", "function", "Function"),
    ...dangling(tree, "Stream", "practice", "Practice"),
    ...dangling(tree, "PracticeLevel", "practice", "Practice"),
    ...dangling(tree, "PracticeLevel", "maturityLevel", "MaturityLevel"),
    ...dangling(tree, "Activity", "stream", "Stream"),
    ...dangling(tree, "Activity", "level", "PracticeLevel"),
    ...dangling(tree, "Question", "activity", "Activity"),
    ...dangling(tree, "Question", "answerSet", "AnswerSet"),
    ...mismatched,
  ];
}

/** Call only once every reference is known to resolve. */
function place({ documents: d }: SammTree): Placed[] {
  return [...d.Question.values()].map((question) => {
    const activity = d.Activity.get(question.activity)!;
    const stream = d.Stream.get(activity.stream)!;
    const practice = d.Practice.get(stream.practice)!;
    const level = d.PracticeLevel.get(activity.level)!;
    return {
      fn: d.Function.get(practice.function)!,
      practice,
      stream,
      maturity: d.MaturityLevel.get(level.maturityLevel)!.number,
      activity,
      question,
      answerSet: d.AnswerSet.get(question.answerSet)!,
    };
  });
}

/** SAMM's `order` where given, else the name. */
function byOrder(a: { order?: number | null; name: string }, b: { order?: number | null; name: string }): number {
  return (a.order ?? Infinity) - (b.order ?? Infinity) || a.name.localeCompare(b.name);
}

function inSammOrder(a: Placed, b: Placed): number {
  return (
    byOrder(a.fn, b.fn) ||
    byOrder(a.practice, b.practice) ||
    byOrder({ order: a.stream.order, name: a.stream.letter }, { order: b.stream.order, name: b.stream.letter }) ||
    a.maturity - b.maturity ||
    (a.question.order ?? 0) - (b.question.order ?? 0) ||
    a.question.file.localeCompare(b.question.file)
  );
}

function sortedAnswers(set: Doc<"AnswerSet">): Answer[] {
  return set.values
    .map((answer, i) => ({ answer, at: answer.order ?? i }))
    .sort((a, b) => a.at - b.at)
    .map(({ answer }) => answer);
}

/** Stave has one scale per model, so every answer set in use must hold as many answers. */
function answerSetProblems(sets: readonly Doc<"AnswerSet">[]): ModelProblem[] {
  const counts = new Map<number, Doc<"AnswerSet">[]>();
  for (const set of sets) counts.set(set.values.length, [...(counts.get(set.values.length) ?? []), set]);
  if (counts.size < 2) return [];
  const [usual, holders] = [...counts].sort((a, b) => b[1].length - a[1].length || b[0] - a[0])[0]!;
  return sets
    .filter((set) => set.values.length !== usual)
    .map((set) => ({
      file: set.file,
      path: "values",
      line: set.lineOf("values"),
      message: `has ${set.values.length} answers where ${holders[0]!.file}${holders.length > 1 ? ` (and ${holders.length - 1} more)` : ""} has ${usual}: a model has one scale, so every answer set needs the same number of answers`,
    }));
}

/** Ids from SAMM's names, letters and level numbers (never its GUIDs), so they stay put across releases. */
function functionLetter(fn: Doc<"Function">): string {
  return kebab(fn.shortName || fn.name.slice(0, 1));
}

function areaOf(p: Placed, areas: SammOptions["areas"]): Omit<Area, "questions"> & { file: string } {
  if (areas === "functions") {
    return {
      id: kebab(p.fn.name),
      name: truncate(p.fn.name, 60),
      summary: firstParagraph(p.fn.description) ?? `The OWASP SAMM business function ${p.fn.name}.`,
      file: p.fn.file,
    };
  }
  const summary = p.practice.shortDescription || firstParagraph(p.practice.longDescription) || `The OWASP SAMM security practice ${p.practice.name}.`;
  return { id: kebab(`${p.fn.name} ${p.practice.name}`), name: truncate(p.practice.name, 60), summary, file: p.practice.file };
}

function buildAreas(placed: readonly Placed[], areas: SammOptions["areas"]): { areas: Area[]; problems: ModelProblem[] } {
  const problems: ModelProblem[] = [];
  const built = new Map<string, Area & { file: string }>();
  const questionFiles = new Map<string, string>();
  const perActivity = new Map<string, number>();
  for (const p of [...placed].sort(inSammOrder)) {
    const { file, ...area } = areaOf(p, areas);
    const home = built.get(area.id);
    if (home && home.file !== file) problems.push({ file, path: "name", message: `gives area id "${area.id}", as ${home.file} does` });
    const target = home ?? { ...area, file, questions: [] };
    built.set(area.id, target);

    // SAMM asks one question per activity; should it ask more, the later ones get a suffix.
    const nth = (perActivity.get(p.activity.id) ?? 0) + 1;
    perActivity.set(p.activity.id, nth);
    const id = kebab(`${functionLetter(p.fn)} ${p.practice.shortName} ${p.stream.letter} ${p.maturity}${nth > 1 ? ` ${nth}` : ""}`);
    const twin = questionFiles.get(id);
    if (twin)
      problems.push({ file: p.question.file, path: "activity", line: p.question.lineOf("activity"), message: `gives question id "${id}", as ${twin} does` });
    questionFiles.set(id, p.question.file);
    const texts = sortedAnswers(p.answerSet).map((answer) => answer.text);
    const stream = kebab(p.stream.letter);
    const practice = kebab(p.practice.shortName || p.practice.name);
    const groups = areas === "functions" ? [practice, stream] : [stream];
    target.questions.push({ ...sammQuestionTexts(id, p.activity, p.question, texts), groups });
    // The explanation of a score names SAMM's practices and streams as SAMM does.
    const names = areas === "functions" ? { [practice]: p.practice.name, [`${practice}/${stream}`]: p.stream.name } : { [stream]: p.stream.name };
    target.groups = { ...target.groups, ...Object.fromEntries(Object.entries(names).map(([key, name]) => [key, truncate(name, 80)])) };
  }
  return { areas: [...built.values()].map(({ file: _file, ...area }) => area), problems };
}

function describe(areas: SammOptions["areas"]): string {
  const per =
    areas === "functions"
      ? "one area per business function, scored as SAMM scores it (each stream sums its answers, a practice is the mean of its streams, a business function the mean of its practices, from 0 to 3)"
      : "one area per security practice, scored as SAMM scores it (each stream sums its answers, a practice is the mean of its streams, from 0 to 3)";
  return (
    `Adapted from the OWASP SAMM v${SAMM_RELEASE} core model (${SAMM_SOURCE}), with ${per}. ` +
    "SAMM's questions, answers and quality criteria are kept word for word, arranged as this model's questions, levels and evidence: © OWASP SAMM project, licensed CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); this adaptation is shared under the same licence."
  );
}

/**
 * SAMM's scoring: each answer counts for its value in the answer sets (0, 0.25, 0.5, 1), a stream
 * sums its answers, and the tiers above average. Without one value per answer that every set agrees
 * on, the answers count as their level, and the range runs from the shortest stream's lowest sum to the longest one's highest.
 */
function sammScoring(placed: readonly Placed[], areas: SammOptions["areas"], sets: readonly Answer[][]): NonNullable<Model["scoring"]> {
  const values = (sets[0] ?? []).map((_, k) => new Set(sets.map((answers) => answers[k]?.value)));
  const agreed = values.every((v) => v.size === 1 && typeof [...v][0] === "number") ? values.map((v) => [...v][0] as number) : undefined;
  const levels = agreed?.every((v, i) => i === 0 || v > agreed[i - 1]!) ? agreed : undefined;
  const perStream = new Map<string, number>();
  for (const p of placed) perStream.set(p.stream.id, (perStream.get(p.stream.id) ?? 0) + 1);
  const [shortest, longest] = [Math.min(...perStream.values()), Math.max(...perStream.values())];
  const [low, high] = levels ? [levels[0]!, levels.at(-1)!] : [1, sets[0]?.length ?? 1];
  return {
    ...(levels && { levels }),
    rollup: areas === "functions" ? ["mean", "mean", "sum"] : ["mean", "sum"],
    range: { min: low * shortest, max: high * longest },
    // SAMM's toolbox reports scores to two decimals.
    decimals: 2,
  };
}

/** Turns the files of an OWASP SAMM v2 core tree into a model, or names every problem found in them. */
export function importSamm(files: SammFiles, options: SammOptions): SammResult {
  const tree = readSammDocuments(files);
  const problems = [...tree.problems, ...referenceProblems(tree)];
  // Only when all else is readable: a question file with a problem is not "no question".
  if (tree.documents.Question.size === 0 && problems.length === 0) {
    problems.push({ file: ARCHIVE, path: "(root)", message: "holds no SAMM question (no YAML file with type: Question)" });
  }
  if (problems.length > 0) return { ok: false, problems };

  const placed = place(tree);
  const answerSets = [...new Set(placed.map((p) => p.answerSet))].sort((a, b) => a.file.localeCompare(b.file));
  const setProblems = answerSetProblems(answerSets);
  if (setProblems.length > 0) return { ok: false, problems: setProblems };

  const { areas, problems: idProblems } = buildAreas(placed, options.areas);
  if (idProblems.length > 0) return { ok: false, problems: idProblems };

  const defaults = SAMM_DEFAULTS[options.areas];
  const model: Model = {
    id: options.id || defaults.id,
    version: options.version || SAMM_RELEASE,
    name: options.name || defaults.name,
    description: describe(options.areas),
    scale: sammScale(answerSets.map(sortedAnswers)),
    areas,
    scoring: sammScoring(placed, options.areas, answerSets.map(sortedAnswers)),
  };
  // Whatever SAMM held, nothing that Stave would refuse is handed back as a model.
  const parsed = modelSchema.safeParse(model);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({ file: "(imported model)", path: formatPath(issue.path) || "(root)", message: issue.message })),
    };
  }
  return { ok: true, model: parsed.data, questions: placed.length };
}
