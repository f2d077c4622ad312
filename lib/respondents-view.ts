// What the lead of an assessment answered by each member sees: per area and per
// question, every level chosen (by name, or without names on an anonymous assessment), how many
// answered, the spread, where the team disagrees, and the team answer with where it came from.

import type { AnswerValue } from "./answer";
import type { Model } from "./model/schema";
import { areaSpreads, type AreaSpread, type RespondentMode, type Responses } from "./respondents";
import { tally, type Tally } from "./workshop/tally";

/** One respondent's answer as the data layer reads it. */
export type RespondentAnswerRow = { userId: string; name: string; questionId: string; value: AnswerValue; note: string | null };

/** A team answer as kept: its value, the lead's note, and whether it still follows the respondents. */
export type TeamAnswerRow = { questionId: string; value: AnswerValue; note: string | null; fromRespondents: boolean };

export type QuestionResponses = {
  questionId: string;
  title: string;
  tally: Tally;
  /** Every answer given; names only on a named assessment; anonymous ones in level order. */
  answers: { name: string | null; value: AnswerValue; note: string | null }[];
  /** The team answer: the median of the respondents' until the lead sets it (null: nobody answered yet). */
  team: { value: AnswerValue; note: string | null; setByLead: boolean } | null;
};

export type RespondentsView = {
  mode: RespondentMode;
  /** Who has answered and how much (names only on a named assessment). */
  respondents: { name: string | null; answered: number }[];
  questions: number;
  /** Questions without a team answer yet: the assessment cannot be submitted until there are none. */
  open: number;
  disagreements: number;
  areas: { areaId: string; name: string; spread: AreaSpread; questions: QuestionResponses[] }[];
};

const order = (v: AnswerValue) => (v.kind === "level" ? v.level : v.kind === "unsure" ? -1 : -2);

export function respondentsView(model: Model, mode: RespondentMode, rows: readonly RespondentAnswerRow[], team: readonly TeamAnswerRow[]): RespondentsView {
  const named = mode === "named";
  const scale = model.scale.map((l) => l.value);
  const people = new Map<string, { name: string; answers: Map<string, AnswerValue> }>();
  for (const row of rows) {
    let person = people.get(row.userId);
    if (!person) people.set(row.userId, (person = { name: row.name, answers: new Map() }));
    person.answers.set(row.questionId, row.value);
  }
  const spreads = areaSpreads(
    model,
    [...people.values()].map((p) => p.answers as Responses),
  );
  const teamOf = new Map(team.map((t) => [t.questionId, t]));
  const areas = model.areas.map((area, i) => ({
    areaId: area.id,
    name: area.name,
    spread: spreads[i]!,
    questions: area.questions.map((q): QuestionResponses => {
      const given = rows.filter((r) => r.questionId === q.id);
      const answers = given.map((r) => ({ name: named ? r.name : null, value: r.value, note: r.note }));
      if (named) answers.sort((a, b) => a.name!.localeCompare(b.name!));
      else answers.sort((a, b) => order(b.value) - order(a.value));
      const t = teamOf.get(q.id);
      return {
        questionId: q.id,
        title: q.title,
        tally: tally(
          given.map((r) => r.value),
          scale,
        ),
        answers,
        team: t ? { value: t.value, note: t.note, setByLead: !t.fromRespondents } : null,
      };
    }),
  }));
  const all = areas.flatMap((a) => a.questions);
  const respondents = [...people.values()].map((p) => ({ name: named ? p.name : null, answered: p.answers.size }));
  if (named) respondents.sort((a, b) => a.name!.localeCompare(b.name!));
  else respondents.sort((a, b) => b.answered - a.answered);
  return {
    mode,
    respondents,
    questions: all.length,
    open: all.filter((q) => q.team === null).length,
    disagreements: all.filter((q) => q.tally.disagrees).length,
    areas,
  };
}
