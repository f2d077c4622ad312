import { MiniBarrel } from "@/components/charts/mini-barrel";
import { IntentLink } from "@/components/ui/intent-link";
import { dueText, NOT_ASSESSED } from "@/lib/cadence";
import { TEAM_ONLY_RESULTS } from "@/lib/dashboard/privacy";
import { formatScore } from "@/lib/format";
import type { CardNext, CardResult, TeamCard as Card } from "@/lib/team-card";

const inner = "relative z-10 font-semibold text-wood-700 underline";

/** A team on the teams list: whose it is, its latest barrel in small, which way it moved, and what is waiting. */
export function TeamCard({ card }: { card: Card }) {
  return (
    <li className="relative flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm hover:border-wood-500" data-testid="team-card">
      <div className="flex items-start justify-between gap-2">
        <h3 className="font-semibold text-wood-900">
          {/* The whole card opens the team; the links inside it sit above this one. */}
          <IntentLink href={card.href} className="after:absolute after:inset-0 after:rounded-lg hover:underline">
            {card.name}
          </IntentLink>
        </h3>
        {card.mine && <span className="shrink-0 rounded-full bg-water-300/30 px-2 py-0.5 text-xs font-semibold text-water-700">Your team</span>}
      </div>
      {card.result && <Result result={card.result} />}
      <Next next={card.next} teamName={card.name} />
    </li>
  );
}

function Result({ result }: { result: CardResult }) {
  return (
    <div className="space-y-1 text-sm">
      <div className="flex items-center gap-3">
        <MiniBarrel staves={result.staves} waterLevel={result.waterLevel} scaleMax={result.scaleMax} label={result.summary} />
        <div className="min-w-0">
          <p>
            <span className="font-semibold text-water-700">Water level {formatScore(result.waterLevel, result.digits)}</span>
            <span className="text-stone-600"> of {result.scaleMax}</span>
          </p>
          {result.weakestNames.length > 0 && (
            <p className="text-weak-700">
              Weakest: <span className="font-semibold">{result.weakestNames.join(", ")}</span>
            </p>
          )}
        </div>
      </div>
      {result.change && (
        <p className="text-stone-700" data-change={result.change.direction}>
          <span aria-hidden="true" className="mr-1 font-bold">
            {result.change.arrow}
          </span>
          {result.change.text}
        </p>
      )}
    </div>
  );
}

function Next({ next, teamName }: { next: CardNext; teamName: string }) {
  const line = "mt-auto border-t border-stone-100 pt-2 text-sm";
  switch (next.kind) {
    case "draft":
      return (
        <p className={`${line} text-stone-800`} data-testid="team-waiting">
          {next.text} —{" "}
          <IntentLink href={next.href} className={inner}>
            continue<span className="sr-only"> {teamName}’s assessment</span>
          </IntentLink>
        </p>
      );
    case "due":
      return (
        <p className={`${line} ${next.due.state === "overdue" ? "text-amber-800" : "text-stone-600"}`} data-due={next.due.state} data-testid="team-waiting">
          {next.due.state === "overdue" && <span aria-hidden="true">● </span>}
          {dueText(next.due)}
        </p>
      );
    case "not-assessed":
      return (
        <p className={`${line} text-stone-700`} data-testid="team-waiting">
          {NOT_ASSESSED}
          {next.startHref && (
            <>
              {" "}
              —{" "}
              <IntentLink href={next.startHref} className={inner}>
                start the first<span className="sr-only"> assessment of {teamName}</span>
              </IntentLink>
            </>
          )}
        </p>
      );
    case "private":
      return (
        <p className={`${line} text-stone-700`} data-testid="team-waiting">
          {TEAM_ONLY_RESULTS}
        </p>
      );
    case "none":
      return null;
  }
}
