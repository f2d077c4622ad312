import { expect, type Page } from "@playwright/test";
import { parseModel } from "../lib/model/parse";
import type { Model } from "../lib/model/schema";

/** An organisation's own model, small enough to answer quickly, in the shipped models' format. */
export type OwnModelSpec = {
  version: string;
  /** Each area's question ids; every area is named after its id. */
  areas: Record<string, string[]>;
  /** Levels on the scale: 3 (Starting, Practising, Leading) or 5. */
  levels?: 3 | 5;
  /** This question gets one level descriptor too few, to be refused at its line. */
  brokenLevelsOf?: string;
  /** How long evidence holds, by question id (`evidence_valid_for`). */
  evidenceValidFor?: Record<string, string>;
};

const LABELS = { 3: ["Starting", "Practising", "Leading"], 5: ["Starting", "Practising", "Steady", "Leading", "Shaping"] };
const DESCRIPTORS = ["Not at all", "Sometimes", "Mostly", "Always", "Always and measured"];
const NEXT = ["Start it", "Make it routine", "Cover every service", "Measure it"];

export function ownModelYaml({ version, areas, levels = 3, brokenLevelsOf, evidenceValidFor = {} }: OwnModelSpec): string {
  const labels = LABELS[levels];
  const descriptors = levels === 3 ? [DESCRIPTORS[0], DESCRIPTORS[1], DESCRIPTORS[3]] : DESCRIPTORS;
  const lines = ["id: acme-ops", `version: ${version}`, "name: Acme Ops", "scale:"];
  labels.forEach((label, i) => lines.push(`  - { value: ${i + 1}, label: ${label} }`));
  lines.push("areas:");
  for (const [areaId, questions] of Object.entries(areas)) {
    lines.push(`  - id: ${areaId}`, `    name: ${areaId[0]!.toUpperCase()}${areaId.slice(1)}`, "    summary: How Acme runs its services.", "    questions:");
    for (const id of questions) {
      const own = id === brokenLevelsOf ? descriptors.slice(0, -1) : descriptors;
      lines.push(
        `      - id: ${id}`,
        `        title: Practice ${id}`,
        `        prompt: How does the team do ${id}?`,
        "        why: It keeps the service running.",
        `        levels: [${own.join(", ")}]`,
        `        next: [${NEXT.slice(0, levels - 1).join(", ")}]`,
      );
      if (evidenceValidFor[id]) lines.push(`        evidence_valid_for: ${evidenceValidFor[id]}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

export function ownModel(spec: OwnModelSpec): Model {
  const result = parseModel(ownModelYaml(spec), "acme-ops");
  if (!result.ok) throw new Error(`the test model does not parse: ${JSON.stringify(result.problems)}`);
  return result.model;
}

/** Publishes the model through /models/new, as an owner or admin does. */
export async function publishOwnModel(page: Page, spec: OwnModelSpec): Promise<Model> {
  await page.goto("/models/new");
  await page.getByLabel("Or paste it: the model (YAML)").fill(ownModelYaml(spec));
  await page.getByRole("button", { name: "Check and preview" }).click();
  await page.getByRole("button", { name: /^Publish Acme Ops / }).click();
  await expect(page).toHaveURL(/\/models\/acme-ops\?version=/);
  return ownModel(spec);
}
