import type { TeamDeliveryContract } from "@/lib/contracts/delivery";
import { formatFrequency, formatHours, formatRate } from "@/lib/delivery/format";

const columns = ["Deployment frequency", "Change lead time", "Change fail rate", "Failed deployment recovery time", "Rework rate"];

/** DORA's five metrics per quarter, beside the self-assessed areas; a table, so it reads the same to everyone. */
export function DeliveryTable({ delivery }: { delivery: TeamDeliveryContract }) {
  return (
    <section aria-labelledby="delivery-heading">
      <h2 id="delivery-heading" className="text-lg font-semibold">
        Delivery, measured
      </h2>
      {delivery.quarters.length === 0 ? (
        <p className="mt-1 text-sm text-stone-700">
          No deployments yet. Once an owner or admin maps the team’s services under Organisation settings → Delivery data, its deployments, changes and
          incidents show here per quarter.
        </p>
      ) : (
        <>
          <p className="mt-1 text-sm text-stone-700">
            From the deployments, changes and incidents of the team’s services. Lead and recovery times are medians; in brackets, how many deployments, failed
            deployments and rework deployments; “–” where there was nothing to measure.
          </p>
          <div className="relative mt-2 overflow-x-auto rounded-lg border border-stone-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Delivery metrics per quarter</caption>
              <thead className="bg-stone-100 text-stone-700">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Quarter
                  </th>
                  {columns.map((c) => (
                    <th scope="col" key={c} className="px-3 py-2">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {delivery.quarters.map((q) => (
                  <tr key={q.quarter}>
                    <th scope="row" className="px-3 py-2 font-medium whitespace-nowrap">
                      {q.quarter.replace("-", " ")}
                    </th>
                    <td className="px-3 py-2">
                      {formatFrequency(q.deploymentsPerWeek)} <span className="text-stone-600">({q.deployments})</span>
                    </td>
                    <td className="px-3 py-2">{formatHours(q.changeLeadTimeHours)}</td>
                    <td className="px-3 py-2">
                      {formatRate(q.changeFailRate)} <span className="text-stone-600">({q.failedDeployments})</span>
                    </td>
                    <td className="px-3 py-2">{formatHours(q.failedDeploymentRecoveryHours)}</td>
                    <td className="px-3 py-2">
                      {formatRate(q.reworkRate)} <span className="text-stone-600">({q.reworkDeployments})</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
