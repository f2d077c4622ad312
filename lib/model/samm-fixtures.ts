import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * A small OWASP SAMM v2 core tree for tests, written the way owaspsamm/core writes its files:
 * one YAML document per file, comment headers, `type:` last, unquoted answers such as `- text: No`,
 * editorial fields, and the repository's other files (README, translations, guidance) beside model/.
 */

const FUNCTIONS = [
  {
    name: "Design",
    letter: "D",
    order: 2,
    description: "Design concerns how an organization defines goals and creates software.\n\nIt includes requirements and architecture.",
  },
  { name: "Governance", letter: "G", order: 1, description: "Governance focuses on how an organization manages its software development." },
] as const;

// Listed out of SAMM's order on purpose: the import must follow the `order` fields, not files or names.
const PRACTICES = [
  { fn: "D", short: "SA", name: "Secure Architecture", order: 3, file: "D-Secure-Architecture" },
  { fn: "D", short: "TA", name: "Threat Assessment", order: 1, file: "D-Threat-Assessment" },
  { fn: "G", short: "SM", name: "Strategy & Metrics", order: 1, file: "G-Strategy-Metrics" },
] as const;

const STREAMS = [
  { letter: "A", order: 1, answerSet: "A" },
  { letter: "B", order: 2, answerSet: "K" },
] as const;

const ANSWER_SETS = {
  A: ["No", "Yes, for some applications", "Yes, for at least half of the applications", "Yes, for most or all of the applications"],
  K: ["No", "Yes, but we do it ad-hoc", "Yes, we do it regularly", "Yes, we do it continuously"],
} as const;

const SCORES = [0, 0.25, 0.5, 1] as const;

/** A GUID without dashes, as SAMM writes them, derived from a readable key ("activity:D-SA-1-A"). */
export function sammId(key: string): string {
  // Level 1's id is all digits, which YAML 1.2 would read as the number 1: the import must keep it as written.
  if (key === "maturity:1") return "00000000000000000000000000000001";
  let out = "";
  for (let part = 0; part < 4; part++) {
    let hash = 0x811c9dc5;
    for (const char of `${key}#${part}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
    out += hash.toString(16).padStart(8, "0");
  }
  return out;
}

function document(title: string, type: string, lines: readonly string[]): string {
  const rule = `# ${"=".repeat(59)}`;
  return ["---", rule, `# OWASP SAMM2 ${title}`, rule, ...lines, "", "#Type Classification of the Document", `type: ${type}`, ""].join("\n");
}

function block(text: string): string[] {
  return ["|", ...text.split("\n").map((line) => (line ? `  ${line}` : ""))];
}

/** The activity (and question) of one practice, stream and level, e.g. "D-SA-1-A". */
function activityTexts(code: string, practice: string, letter: string, level: number) {
  if (code === "D-SA-1-A") {
    return { title: "Adhere to basic security principles", question: "Do teams use security principles during design?" };
  }
  if (code === "D-TA-2-B") {
    return {
      title: "Maintain a shared, versioned and regularly reviewed library of threat models covering every application in the portfolio",
      question: "Do you keep a threat model library", // no question mark, as a few SAMM texts are written
    };
  }
  return { title: `Do ${practice} stream ${letter} at level ${level}`, question: `Does your organization do ${practice} stream ${letter} at level ${level}?` };
}

/** The files of the tree, each path prefixed with `root` (an archive's top folder such as "core-2.2.0/"). */
export function sammFixtureFiles(root = ""): Map<string, string> {
  const files = new Map<string, string>();
  const put = (path: string, text: string) => files.set(`${root}${path}`, text);

  put("README.md", "# OWASP SAMM - Core Model Repository\n");
  put("license.txt", "Attribution-ShareAlike 4.0 International\n");
  put("crowdin.yml", "files:\n  - source: /model/**/*.yml\n");
  put("model/README.md", "The model's YAML files.\n");
  put("texts/broken.yml", "title: [unclosed\n");

  for (const fn of FUNCTIONS) {
    put(
      `model/business_functions/${fn.name}.yml`,
      document("Business Function template/sample", "Function", [
        "#Link to the model, using its unique identifier",
        "model: SAMM20",
        "",
        `id: ${sammId(`function:${fn.letter}`)}`,
        "",
        "#Official name of the function",
        `name: ${fn.name}`,
        "",
        `description: ${block(fn.description).join("\n")}`,
        "#The color to be used to render the function and its subelements, in Hex RGB",
        "color:",
        "  #993300",
        "",
        `order: ${fn.order}`,
      ]),
    );
  }

  for (const [level, ordinal] of [
    [1, "first"],
    [2, "second"],
  ] as const) {
    put(
      `model/maturity_levels/${level}.yml`,
      document(`Security Maturity Level - Level ${level}`, "MaturityLevel", [
        `id: ${sammId(`maturity:${level}`)}`,
        "",
        "#The number of the marurity level",
        `number: ${level}`,
        "",
        `description: The ${ordinal} maturity level.`,
      ]),
    );
  }

  for (const [letter, answers] of Object.entries(ANSWER_SETS)) {
    const values = answers.flatMap((text, i) => ["    #level", `- text: ${text}`, `  value: ${SCORES[i]}`, "  weight: 1", `  order: ${i}`]);
    put(
      `model/answer_sets/${letter}.yml`,
      document(`Answer Set - ${letter}`, "AnswerSet", [
        `id: ${sammId(`answerSet:${letter}`)}`,
        "",
        "# Different answers with their properties. We use 4 levels or answers",
        "values:",
        ...values,
      ]),
    );
  }

  for (const practice of PRACTICES) {
    const code = `${practice.fn}-${practice.short}`;
    put(
      `model/security_practices/${practice.file}.yml`,
      document("Security Practice template/sample", "Practice", [
        `function: ${sammId(`function:${practice.fn}`)}`,
        `id: ${sammId(`practice:${code}`)}`,
        `name: ${practice.name}`,
        "#Abbreviation of this practice",
        `shortName: ${practice.short}`,
        `shortDescription: The ${practice.name} practice, in one sentence.`,
        `longDescription: ${block(`The ${practice.name} practice at length.\n\nMore of it.`).join("\n")}`,
        `order: ${practice.order}`,
        '#Who\'s the "owner" of this practice',
        "assignee: John Ellingsworth",
        "progress: 50",
      ]),
    );
    for (const level of [1, 2]) {
      put(
        `model/practice_levels/${code}-${level}.yml`,
        document("Security Practice Level template/sample", "PracticeLevel", [
          `practice: ${sammId(`practice:${code}`)}`,
          `maturityLevel: ${sammId(`maturity:${level}`)}`,
          `id: ${sammId(`level:${code}-${level}`)}`,
          `objective: Objective of ${code} at level ${level}.`,
        ]),
      );
    }
    for (const stream of STREAMS) {
      put(
        `model/streams/${code}-${stream.letter}.yml`,
        document("Activity Stream template/sample", "Stream", [
          `practice: ${sammId(`practice:${code}`)}`,
          `id: ${sammId(`stream:${code}-${stream.letter}`)}`,
          `name: ${practice.name} stream ${stream.letter}`,
          "#Stream letter, A or B",
          `letter: ${stream.letter}`,
          `description: What stream ${stream.letter} of ${practice.name} is about.`,
          `order: ${stream.order}`,
        ]),
      );
      for (const level of [1, 2]) {
        const key = `${code}-${level}-${stream.letter}`;
        const texts = activityTexts(key, practice.name, stream.letter, level);
        put(
          `model/activities/${key}.yml`,
          document("Activity Description", "Activity", [
            `stream: ${sammId(`stream:${code}-${stream.letter}`)}`,
            `level: ${sammId(`level:${code}-${level}`)}`,
            `id: ${sammId(`activity:${key}`)}`,
            `title: ${texts.title}`,
            `benefit: Benefit of ${key}`,
            `shortDescription: Short description of ${key}, folded over`,
            `  two lines.`,
            `longDescription: ${block(`Long description of ${key}.`).join("\n")}`,
            "results:",
            "metrics:",
            "relatedActivities:",
          ]),
        );
        put(
          `model/questions/${key}.yml`,
          document("Coverage Question template/sample", "Question", [
            `activity: ${sammId(`activity:${key}`)}`,
            `answerSet: ${sammId(`answerSet:${stream.answerSet}`)}`,
            `id: ${sammId(`question:${key}`)}`,
            `text: ${texts.question}`,
            "order: 1",
            "#Qualifying Criterion",
            "quality:",
            `- You have criterion one of ${key}`,
            `- You review criterion two of ${key}`,
          ]),
        );
      }
    }
  }

  // The repository's translations repeat the model's ids in other languages, and its guidance has no type.
  put(
    "de/D-SA-1-A.yml",
    (files.get(`${root}model/activities/D-SA-1-A.yml`) ?? "").replace("Adhere to basic security principles", "Grundlegende Sicherheitsprinzipien einhalten"),
  );
  put(
    "guidance/ai/streams/D-SA-A.yml",
    `---\nstream: ${sammId("stream:D-SA-A")}\nname: Architecture Design\nlevels:\n  1:\n    activity: ${sammId("activity:D-SA-1-A")}\n`,
  );
  return files;
}

/** Where the fixture keeps a document, e.g. sammFixturePath("questions", "D-SA-1-A"). */
export function sammFixturePath(folder: string, name: string, root = ""): string {
  return `${root}model/${folder}/${name}.yml`;
}

/** The real excerpt of SAMM v2.2.0 in fixtures/samm-sample (Design's Secure Architecture, levels 1 to 3), as an archive would unpack it. */
export function sammExcerptFiles(): Map<string, string> {
  const root = join(process.cwd(), "fixtures", "samm-sample");
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(`core-2.2.0/${relative(root, full)}`, readFileSync(full, "utf8"));
    }
  };
  walk(root);
  return files;
}
