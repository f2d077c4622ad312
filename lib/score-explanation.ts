import { countedLevel, type AnswerValue } from "./answer";
import { levelScore, rollupOf, type Rollup } from "./model/scoring-rules";
import type { Area, Model } from "./model/schema";

// "How was this computed" for a model that declares its roll-up: each group's figure from the one
// below it, down to the answers, so a SAMM practice's 1.125 can be followed to its streams' sums.

type Item = { groups: readonly string[]; score: number };

const figure = (n: number) => String(Number(n.toFixed(3)));

function step(op: Rollup, values: readonly number[], result: number): string {
  if (op === "sum") return `${values.map(figure).join(" + ")} = ${figure(result)}`;
  return values.length === 1 ? figure(result) : `(${values.map(figure).join(" + ")}) ÷ ${values.length} = ${figure(result)}`;
}

/** A group as the explanation names it: by the area's name for it ("Architecture Design (SA A)"), else by its ids ("SA A"). */
function groupName(area: Pick<Area, "groups">, path: readonly string[]): string {
  const ids = path.join(" ").toUpperCase();
  const name = area.groups?.[path.join("/")];
  return name ? `${name} (${ids})` : ids;
}

/** One line per group (innermost first within each) and a last one for the area, by its name; null for a model scored as the mean of its answers. */
export function rollupSteps(
  model: Pick<Model, "scale" | "scoring">,
  area: Pick<Area, "name" | "questions" | "groups">,
  answers: ReadonlyMap<string, AnswerValue>,
): string[] | null {
  const tiers = rollupOf(model);
  if (tiers.length < 2) return null;
  const lowest = model.scale[0]!.value;
  const items = area.questions.flatMap<Item>((q) => {
    const answer = answers.get(q.id);
    const level = answer ? countedLevel(answer, lowest) : null;
    return level === null ? [] : [{ groups: q.groups ?? [], score: levelScore(model, level) }];
  });
  const lines: string[] = [];
  const visit = (group: readonly Item[], depth: number, path: readonly string[]): number | null => {
    let values: number[];
    if (depth === tiers.length - 1) values = group.map((i) => i.score);
    else {
      const keys = [...new Set(group.map((i) => i.groups[depth]!))];
      values = keys.flatMap(
        (key) =>
          visit(
            group.filter((i) => i.groups[depth] === key),
            depth + 1,
            [...path, key],
          ) ?? [],
      );
    }
    if (values.length === 0) return null;
    const sum = values.reduce((s, v) => s + v, 0);
    const result = tiers[depth] === "sum" ? sum : sum / values.length;
    const what =
      depth === tiers.length - 1 ? `the answers' ${tiers[depth] === "sum" ? "sum" : "mean"}` : `the ${tiers[depth] === "sum" ? "sum" : "mean"} of its groups`;
    lines.push(`${path.length === 0 ? area.name : groupName(area, path)}, ${what}: ${step(tiers[depth]!, values, result)}`);
    return result;
  };
  visit(items, 0, []);
  return lines;
}
