import { button } from "@/components/ui/styles";

type Props = { areaName: string; pending: number; on: string; confirming: boolean; error: string | undefined; onConfirm: () => void };

/** At the top of an area with carried answers still to review: what is asked, and one action to confirm them all. */
export function AreaReview({ areaName, pending, on, confirming, error, onConfirm }: Props) {
  if (pending === 0 && !error) return null;
  return (
    <div className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-stone-800" data-testid="area-review">
      <p>
        <strong>
          {pending} answer{pending === 1 ? "" : "s"} carried from {on}
        </strong>{" "}
        {pending === 1 ? "waits" : "wait"} for review. Change what is different today, then confirm the rest in one go.
      </p>
      <ConfirmAreaButton areaName={areaName} confirming={confirming} onConfirm={onConfirm} />
      {error && (
        <p role="alert" className="font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

export function ConfirmAreaButton({ areaName, confirming, onConfirm }: { areaName: string; confirming: boolean; onConfirm: () => void }) {
  return (
    <button type="button" className={button.primary} disabled={confirming} onClick={onConfirm}>
      {confirming ? "Confirming…" : `Nothing changed in ${areaName}`}
    </button>
  );
}
