import "server-only";
import type { Ctx } from "@/db/context";
import { requirePermission } from "@/db/queries/access";
import { findHistoryModelVersion, idsOfOtherOrganisations, memberIdsByEmail } from "@/db/queries/history";
import type { History } from "@/lib/contracts/history";
import { groupNameTaken } from "@/lib/groups";
import { comparableAssessment, comparableTeam, comparableWorkshop, counted, isMatched, sameContent, type Judged } from "@/lib/history-import";
import { modelSchema } from "@/lib/model/schema";
import { historyView } from "@/views/history";

// Judging an imported history against the organisation's own: what it would create, what is
// already here unchanged, and what conflicts (the same id with other content, an id of another
// organisation, a model version that differs from the one stored here). Applying it: ./history-apply.ts.

export type HistoryCounts = {
  groups: number;
  teams: number;
  modelVersions: number;
  assessments: number;
  actions: number;
  trendNotes: number;
  workshops: number;
};

export type HistoryPlan = {
  create: HistoryCounts;
  present: HistoryCounts;
  conflicts: string[];
  /** People the document names who are not members here: kept as names where they own an action, otherwise left out. */
  unmatchedPeople: string[];
  /** Own answers of respondents who are not members here: not imported (the team answers and scores are). */
  respondentAnswersLeftOut: number;
  /** "will create 6 teams, 72 assessments, 3 model versions; 2 already present, unchanged" */
  summary: string;
  /** What each thing of the document is here, by its id (model versions by "modelId@version"). */
  judged: Map<string, Judged>;
  /** The row id here of each model version the document names, once it exists. */
  modelVersionIds: Map<string, string>;
  memberIds: Map<string, string>;
};

const zero = (): HistoryCounts => ({ groups: 0, teams: 0, modelVersions: 0, assessments: 0, actions: 0, trendNotes: 0, workshops: 0 });
export const modelKey = (ref: { modelId: string; version: string }) => `${ref.modelId}@${ref.version}`;

const NOUNS: [keyof HistoryCounts, string, string][] = [
  ["groups", "group", "groups"],
  ["teams", "team", "teams"],
  ["assessments", "assessment", "assessments"],
  ["modelVersions", "model version", "model versions"],
  ["actions", "action", "actions"],
  ["trendNotes", "trend note", "trend notes"],
  ["workshops", "workshop", "workshops"],
];

export function planSummary(create: HistoryCounts, present: HistoryCounts): string {
  const parts = NOUNS.filter(([k]) => create[k] > 0).map(([k, one, many]) => counted(create[k], one, many));
  const already = NOUNS.reduce((n, [k]) => n + present[k], 0);
  const created = parts.length > 0 ? `will create ${parts.join(", ")}` : "will create nothing";
  return already > 0 ? `${created}; ${already} already present, unchanged` : created;
}

/** What importing the history would do here, without writing anything. Owners and admins only. */
export async function planHistoryImport(ctx: Ctx, history: History): Promise<HistoryPlan> {
  requirePermission(ctx, "teams.manage");
  requirePermission(ctx, "models.publish");
  const local = await historyView(ctx, { kind: "organisation" });
  const memberIds = await memberIdsByEmail(ctx);
  const emails = new Set(memberIds.keys());
  const create = zero();
  const present = zero();
  const conflicts: string[] = [];
  const judged = new Map<string, Judged>();
  const modelVersionIds = new Map<string, string>();

  const judge = <T extends { id: string }>(kind: keyof HistoryCounts, items: T[], here: T[], comparable: (t: T) => unknown, label: (t: T) => string) => {
    const byId = new Map(here.map((t) => [t.id, t]));
    for (const item of items) {
      const mine = byId.get(item.id);
      const verdict: Judged = !mine ? "new" : sameContent(comparable(mine), comparable(item)) ? "present" : "conflict";
      judged.set(item.id, verdict);
      if (verdict === "conflict") conflicts.push(`${label(item)} is already here with other content.`);
      else (verdict === "new" ? create : present)[kind]++;
    }
  };

  for (const version of history.modelVersions) {
    const key = modelKey(version);
    const name = `The model ${version.name} ${version.version} (${version.modelId})`;
    const valid = modelSchema.safeParse(version.definition);
    if (!valid.success || valid.data.id !== version.modelId || valid.data.version !== version.version) {
      conflicts.push(`${name} in the history is not a valid model${valid.success ? " of that id and version" : `: ${valid.error.issues[0]!.message}`}.`);
      continue;
    }
    const mine = await findHistoryModelVersion(ctx, version);
    if (mine) modelVersionIds.set(key, mine.id);
    if (mine && !sameContent(mine.definition, version.definition))
      conflicts.push(`${name} differs from the version stored here under the same id and version.`);
    else if (!mine && version.shipped) conflicts.push(`${name} ships with another version of Stave and is not here: update this Stave, then import.`);
    else (mine ? present : create).modelVersions++;
    judged.set(key, mine ? "present" : "new");
  }
  const named = new Set(history.modelVersions.map(modelKey));
  for (const a of history.assessments)
    if (!named.has(modelKey(a.model))) conflicts.push(`An assessment (${a.id}) names the model ${modelKey(a.model)}, which the history does not include.`);

  judge(
    "groups",
    history.groups,
    local.groups,
    (g) => g,
    (g) => `The group “${g.name}” (${g.id})`,
  );
  // A new group takes its name among its siblings here: a sibling of that name under another id refuses it.
  const place = (g: { name: string; parentId: string | null }) => `${g.parentId ?? ""}/${g.name.toLowerCase()}`;
  const localPlaces = new Set(local.groups.map(place));
  for (const group of history.groups) if (judged.get(group.id) === "new" && localPlaces.has(place(group))) conflicts.push(groupNameTaken(group.name));
  judge(
    "teams",
    history.teams,
    local.teams,
    (t) => comparableTeam(t, emails),
    (t) => `The team “${t.name}” (${t.id})`,
  );
  const localNames = new Map(local.teams.map((t) => [t.name.toLowerCase(), t.id]));
  for (const team of history.teams) {
    const holder = localNames.get(team.name.toLowerCase());
    if (judged.get(team.id) === "new" && holder) conflicts.push(`A team called “${team.name}” is already here under another id: rename one of them first.`);
  }
  const teamName = new Map(history.teams.map((t) => [t.id, t.name]));
  judge(
    "assessments",
    history.assessments,
    local.assessments,
    (a) => comparableAssessment(a, emails),
    (a) => `The assessment of “${teamName.get(a.teamId) ?? a.teamId}” submitted ${a.submittedAt.slice(0, 10)} (${a.id})`,
  );
  for (const a of history.assessments) (judged.get(a.id) === "present" ? present : create).actions += judged.get(a.id) === "conflict" ? 0 : a.actions.length;
  judge(
    "trendNotes",
    history.trendNotes,
    local.trendNotes,
    (n) => n,
    (n) => `The trend note “${n.text}” (${n.id})`,
  );

  const included = new Set(history.assessments.map((a) => a.id));
  for (const w of history.workshops)
    if (!included.has(w.assessmentId)) conflicts.push(`A workshop (${w.id}) fed the assessment ${w.assessmentId}, which the history does not include.`);
  judge(
    "workshops",
    history.workshops,
    local.workshops,
    comparableWorkshop,
    (w) =>
      `The workshop of “${teamName.get(history.assessments.find((a) => a.id === w.assessmentId)?.teamId ?? "") ?? "a team"}” held ${w.openedAt.slice(0, 10)} (${w.id})`,
  );
  const localParticipants = new Set(local.workshops.flatMap((w) => w.participants.map((p) => p.id)));
  for (const w of history.workshops)
    if (judged.get(w.id) === "new" && w.participants.some((p) => localParticipants.has(p.id)))
      conflicts.push(`The workshop (${w.id}) has participants whose ids another workshop here has: this history cannot be imported here.`);

  const ids = {
    groups: history.groups.map((g) => g.id),
    teams: history.teams.map((t) => t.id),
    assessments: history.assessments.map((a) => a.id),
    actions: history.assessments.flatMap((a) => a.actions.map((x) => x.id)),
    trendNotes: history.trendNotes.map((n) => n.id),
    workshops: history.workshops.map((w) => w.id),
    participants: history.workshops.flatMap((w) => w.participants.map((p) => p.id)),
  };
  const taken = await idsOfOtherOrganisations(ctx, ids);
  if (taken.length > 0)
    conflicts.push(
      `${taken.length === 1 ? "1 id belongs" : `${taken.length} ids belong`} to another organisation in this Stave (${taken.slice(0, 3).join(", ")}${taken.length > 3 ? ", …" : ""}): this history cannot be imported here.`,
    );

  const people = [
    ...history.teams.flatMap((t) => t.members),
    ...history.assessments.flatMap((a) => a.respondentAnswers.map((r) => r.respondent)),
    ...history.assessments.flatMap((a) => a.actions.flatMap((x) => (x.owner && "member" in x.owner ? [x.owner.member] : []))),
  ];
  const unmatchedPeople = [...new Set(people.filter((p) => !p.email || !emails.has(p.email.toLowerCase())).map((p) => p.name))].sort();
  return {
    create,
    present,
    conflicts,
    unmatchedPeople,
    respondentAnswersLeftOut: history.assessments.reduce(
      (n, a) => n + (judged.get(a.id) === "new" ? a.respondentAnswers.filter((r) => !isMatched(r.respondent, emails)).length : 0),
      0,
    ),
    summary: planSummary(create, present),
    judged,
    modelVersionIds,
    memberIds,
  };
}
