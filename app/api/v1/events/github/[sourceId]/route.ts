import { readGitHubDelivery } from "@/lib/delivery/github";
import { githubSignatureMatches } from "@/lib/delivery/signatures";
import { receiveSigned } from "@/server/delivery-ingest";
import { route } from "@/server/route";

/** GitHub's deployment_status webhook, signed with the organisation's secret for this address. */
export const POST = route("anyone", async (request, _caller, { sourceId }: { sourceId: string }) =>
  receiveSigned(
    request,
    "github",
    sourceId,
    (body, secret) => githubSignatureMatches(body, request.headers.get("x-hub-signature-256"), secret),
    (json) => readGitHubDelivery(request.headers.get("x-github-event"), json),
  ),
);
