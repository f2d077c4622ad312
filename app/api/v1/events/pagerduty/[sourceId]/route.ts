import { readPagerDutyDelivery } from "@/lib/delivery/pagerduty";
import { pagerDutySignatureMatches } from "@/lib/delivery/signatures";
import { receiveSigned } from "@/server/delivery-ingest";
import { route } from "@/server/route";

/** PagerDuty's v3 incident webhook, signed with the organisation's secret for this address. */
export const POST = route("anyone", async (request, _caller, { sourceId }: { sourceId: string }) =>
  receiveSigned(
    request,
    "pagerduty",
    sourceId,
    (body, secret) => pagerDutySignatureMatches(body, request.headers.get("x-pagerduty-signature"), secret),
    readPagerDutyDelivery,
  ),
);
