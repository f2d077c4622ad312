import { z } from "zod";
import { validitySchema } from "../validation/validity";
import { measuredByProblems, measuredBySchema } from "./measured-by";
import { SCORE_DIGITS, scoringProblems } from "./scoring-rules";

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case kebab-case (a-z, 0-9 and single hyphens)");
const text = z.string().trim().min(1, "must not be empty");

/** The most words a level's headline may have: it must read in one line. */
export const HEADLINE_MAX_WORDS = 12;
const headline = text.regex(new RegExp(`^\\S+(\\s+\\S+){0,${HEADLINE_MAX_WORDS - 1}}$`), `must be at most ${HEADLINE_MAX_WORDS} words`);

const referenceSchema = z.strictObject({
  label: text,
  url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }),
});

/** A question's place in recognised frameworks, so a client can read it in the one they already use. */
const mappingsSchema = z.strictObject({
  dora: z.array(text).optional(),
  samm: z.array(text).optional(),
  dsomm: z.array(text).optional(),
  ssdf: z.array(text).optional(),
  slsa: z.array(text).optional(),
  cis: z.array(text).optional(),
});

/** A level's criteria, keyed by its scale value: listed where a level asks for more than one thing at once. */
const criteriaSchema = z.record(z.string().regex(/^-?\d+$/, "must be a scale value"), z.array(text).min(2, "list at least two criteria").max(6));

const questionSchema = z.strictObject({
  id,
  title: text.max(80),
  prompt: text,
  why: text,
  /** The practices this question scores: each practice has one home in a model. */
  practices: z.array(id).optional(),
  levels: z.array(text),
  /** One line per level, shown before its full descriptor (one per scale level); without them, each descriptor's first sentence. */
  headlines: z.array(headline).optional(),
  /** What a team would show to back each level (one per scale level). */
  evidence: z.array(text).optional(),
  /** How long evidence for this question holds, as an ISO 8601 duration (P12M, P90D); without it, the organisation's default. */
  evidence_valid_for: validitySchema.optional(),
  next: z.array(text),
  /** The conditions a level asks for, one by one, so a team sees how many it meets (scoring stays the chosen level). */
  criteria: criteriaSchema.optional(),
  /** Which part of the team's work to answer for, when it needs saying beyond the model's note. */
  coverage: text.optional(),
  /** The id this question had in an earlier version, so its trend continues. */
  replaces: id.optional(),
  references: z.array(referenceSchema).optional(),
  mappings: mappingsSchema.optional(),
  /** The groups this question is scored in within its area, outermost first (one per tier of the model's `scoring.rollup` below the area). */
  groups: z.array(id).optional(),
  /** The delivery metric that measures this question, and the value it must reach for each level above the lowest. */
  measured_by: measuredBySchema.optional(),
});

const areaSchema = z.strictObject({
  id,
  name: text.max(60),
  summary: text,
  questions: z.array(questionSchema).min(1, "an area needs at least one question"),
  /** What its questions' groups are called, keyed by the group's ids from the outermost, joined by "/" ("sa", "sa/a"); without a name, a group shows its ids. */
  groups: z.record(z.string(), text.max(80)).optional(),
});

const scaleLevelSchema = z.strictObject({
  value: z.number().int(),
  label: text.max(40),
});

const scoringSchema = z.strictObject({
  /** What an answer at each scale level counts for in scores, one per level; without it, the level's value. */
  levels: z.array(z.number().finite()).optional(),
  /** How an area's score is built, outermost first: the area from its groups, …, the innermost group from its answers. Default: [mean]. */
  rollup: z
    .array(z.enum(["mean", "sum"]))
    .min(1)
    .optional(),
  /** The lowest and highest area score, for charts and percentages; without it, the first and last level's score. */
  range: z.strictObject({ min: z.number().finite(), max: z.number().finite() }).optional(),
  /** How many decimals scores are rounded to, compared at and shown with. Default: 1. */
  decimals: z.literal(SCORE_DIGITS, { error: `must be one of ${SCORE_DIGITS.join(", ")}` }).optional(),
});

/** A maturity model as written in content/models/*.yaml. */
export const modelSchema = z
  .strictObject({
    id,
    version: z.string().regex(/^\d+\.\d+\.\d+$/, "must be a semantic version such as 1.0.0"),
    name: text.max(80),
    description: text.optional(),
    /** Shown to every respondent: which part of the team's work to answer for. */
    coverage: text.optional(),
    scale: z.array(scaleLevelSchema).min(2, "a scale needs at least two levels"),
    areas: z.array(areaSchema).min(1, "a model needs at least one area"),
    /** How answers become area scores, when not the mean of the levels' values. */
    scoring: scoringSchema.optional(),
  })
  .superRefine((model, ctx) => {
    scoringProblems(model).forEach((issue) => ctx.addIssue({ code: "custom", ...issue }));
    model.scale.forEach((level, i) => {
      const previous = model.scale[i - 1];
      if (previous && level.value <= previous.value) {
        ctx.addIssue({ code: "custom", path: ["scale", i, "value"], message: "scale values must ascend" });
      }
    });
    const levelCount = model.scale.length;
    const seenAreas = new Set<string>();
    const seenQuestions = new Set<string>();
    const practiceHome = new Map<string, string>();
    const replaced = new Map<string, string>();
    model.areas.forEach((area, a) => {
      if (seenAreas.has(area.id)) {
        ctx.addIssue({ code: "custom", path: ["areas", a, "id"], message: `duplicate area id "${area.id}"` });
      }
      seenAreas.add(area.id);
      area.questions.forEach((question, q) => {
        const path = ["areas", a, "questions", q];
        if (seenQuestions.has(question.id)) {
          ctx.addIssue({ code: "custom", path: [...path, "id"], message: `duplicate question id "${question.id}"` });
        }
        seenQuestions.add(question.id);
        if (question.levels.length !== levelCount) {
          ctx.addIssue({
            code: "custom",
            path: [...path, "levels"],
            message: `needs exactly ${levelCount} level descriptors (one per scale level), found ${question.levels.length}`,
          });
        }
        if (question.headlines && question.headlines.length !== levelCount) {
          ctx.addIssue({
            code: "custom",
            path: [...path, "headlines"],
            message: `needs exactly ${levelCount} headlines (one per scale level), found ${question.headlines.length}`,
          });
        }
        if (question.evidence && question.evidence.length !== levelCount) {
          ctx.addIssue({
            code: "custom",
            path: [...path, "evidence"],
            message: `needs exactly ${levelCount} evidence lines (one per scale level), found ${question.evidence.length}`,
          });
        }
        for (const value of Object.keys(question.criteria ?? {})) {
          if (!model.scale.some((level) => String(level.value) === value))
            ctx.addIssue({ code: "custom", path: [...path, "criteria", value], message: `criteria for ${value}, which is not a scale value` });
        }
        question.practices?.forEach((practice, p) => {
          const home = practiceHome.get(practice);
          if (home)
            ctx.addIssue({
              code: "custom",
              path: [...path, "practices", p],
              message: `practice "${practice}" is already scored by question "${home}": give each practice one home`,
            });
          else practiceHome.set(practice, question.id);
        });
        if (question.replaces) {
          const other = replaced.get(question.replaces);
          if (other) ctx.addIssue({ code: "custom", path: [...path, "replaces"], message: `question "${other}" already replaces "${question.replaces}"` });
          replaced.set(question.replaces, question.id);
        }
        if (question.measured_by)
          for (const problem of measuredByProblems(question.measured_by, levelCount))
            ctx.addIssue({ code: "custom", path: [...path, "measured_by", ...problem.path], message: problem.message });
        if (question.next.length !== levelCount - 1) {
          ctx.addIssue({
            code: "custom",
            path: [...path, "next"],
            message: `needs exactly ${levelCount - 1} next-level steps (one per level below the top), found ${question.next.length}`,
          });
        }
      });
    });
    model.areas.forEach((area, a) => {
      const paths = new Set(area.questions.flatMap((q) => (q.groups ?? []).map((_, depth, ids) => ids.slice(0, depth + 1).join("/"))));
      for (const key of Object.keys(area.groups ?? {})) {
        if (!paths.has(key))
          ctx.addIssue({ code: "custom", path: ["areas", a, "groups", key], message: `names group "${key}", which no question of the area is in` });
      }
    });
    model.areas.forEach((area, a) =>
      area.questions.forEach((question, q) => {
        if (question.replaces && seenQuestions.has(question.replaces)) {
          ctx.addIssue({
            code: "custom",
            path: ["areas", a, "questions", q, "replaces"],
            message: `replaces "${question.replaces}", which is still a question of this model`,
          });
        }
      }),
    );
  });

export type Model = z.infer<typeof modelSchema>;
export type ModelInput = z.input<typeof modelSchema>;
export type Area = Model["areas"][number];
export type Question = Area["questions"][number];
export type FrameworkMappings = z.infer<typeof mappingsSchema>;
export type ScaleLevel = Model["scale"][number];
