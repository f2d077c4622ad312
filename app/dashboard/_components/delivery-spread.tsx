import { withheldExplanation } from "@/lib/dashboard/privacy";
import { quarterLabel } from "@/lib/dashboard/quarter";
import { formatFrequency, formatHours, formatRate } from "@/lib/delivery/format";
import type { MeasuredMetric } from "@/lib/model/measured-by";
import type { DashboardScreen } from "@/views/dashboard";

const METRICS: Record<MeasuredMetric, [name: string, format: (value: number) => string]> = {
  "deployment-frequency": ["Deployment frequency", formatFrequency],
  "change-lead-time": ["Change lead time", formatHours],
  "change-fail-rate": ["Change fail rate", formatRate],
  "failed-deployment-recovery-time": ["Failed deployment recovery time", formatHours],
  "rework-rate": ["Rework rate", formatRate],
};

/** DORA's metrics across the teams in scope this quarter: each metric's median and middle half, as a table. */
export function DeliverySpreadSection({ delivery, minTeams }: { delivery: DashboardScreen["delivery"]; minTeams: number }) {
  const quarter = quarterLabel(delivery.quarter);
  return (
    <section aria-labelledby="delivery-heading" className="space-y-2">
      <h2 id="delivery-heading" className="text-lg font-semibold">
        Delivery, measured
      </h2>
      <p className="text-sm text-stone-600">
        DORA’s metrics of the teams here with delivery data in {quarter} so far: the median team, and the middle half of teams between the quartiles.
      </p>
      {delivery.withheld ? (
        <p className="text-sm text-stone-700" data-testid="delivery-withheld">
          {delivery.withheldReason === "complementary"
            ? withheldExplanation("complementary", minTeams)
            : `Withheld: shown outside this group once at least ${minTeams} of its teams are measured (organisation setting).`}
        </p>
      ) : delivery.teams === 0 ? (
        <p className="text-sm text-stone-700">No team here has delivery data in {quarter} yet.</p>
      ) : (
        // On a phone the table scrolls sideways: its frame takes the keyboard's focus so arrows can scroll it.
        <div tabIndex={0} role="region" aria-label={`Delivery metrics in ${quarter}`} className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="figures-table w-full border-separate border-spacing-0 text-sm" data-testid="delivery-spread">
            <caption className="sr-only">
              Delivery metrics across {delivery.teams} teams in {quarter}: lower quartile, median and upper quartile
            </caption>
            <thead>
              <tr>
                <th scope="col">Metric</th>
                <th scope="col">Teams</th>
                <th scope="col">Lower quartile</th>
                <th scope="col">Median</th>
                <th scope="col">Upper quartile</th>
              </tr>
            </thead>
            <tbody>
              {delivery.metrics.map(({ metric, teams, spread }) => {
                const [name, format] = METRICS[metric];
                return (
                  <tr key={metric}>
                    <th scope="row">{name}</th>
                    <td>{teams}</td>
                    <td>{spread ? format(spread.q1) : "–"}</td>
                    <td className="font-semibold">{spread ? format(spread.median) : "–"}</td>
                    <td>{spread ? format(spread.q3) : "–"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
