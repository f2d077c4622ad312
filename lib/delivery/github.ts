import { z } from "zod";
import { isProductionEnvironment } from "./environment";
import type { Parsed } from "./parsed";
import { refusedBody, refusedBySchema } from "./parsed";

// GitHub's deployment_status webhook: a deployment of a repository reached a state. Success is a
// deployment that went out; failure and error, one that failed to. Other states (queued,
// in_progress, pending, inactive) are not outcomes; deployments outside production are not counted.

const statusSchema = z.object({
  deployment_status: z.object({
    id: z.union([z.number(), z.string()]),
    state: z.string(),
    created_at: z.iso.datetime({ offset: true }),
    updated_at: z.iso.datetime({ offset: true }).optional(),
  }),
  deployment: z.object({ environment: z.string().default(""), production_environment: z.boolean().optional() }),
  repository: z.object({ full_name: z.string().trim().min(1).max(200) }),
});

const isProduction = (d: { environment: string; production_environment?: boolean }) => d.production_environment ?? isProductionEnvironment(d.environment);

/** The event of a GitHub webhook delivery (`X-GitHub-Event` says which kind it is). */
export function readGitHubDelivery(kind: string | null, body: unknown): Parsed {
  if (kind === "ping") return { ok: true, events: [], ignored: ["ping: the webhook reaches Stave."] };
  if (kind !== "deployment_status")
    return refusedBody(`Stave reads GitHub's deployment_status events, not “${kind ?? "none"}”: choose “Deployment statuses” in the webhook's events.`);
  const parsed = statusSchema.safeParse(body);
  if (!parsed.success) return refusedBySchema(parsed.error);
  const { deployment_status: status, deployment, repository } = parsed.data;
  const outcome = status.state === "success" ? "success" : status.state === "failure" || status.state === "error" ? "failure" : null;
  if (outcome === null) return { ok: true, events: [], ignored: [`The state “${status.state}” is not a deployment's outcome.`] };
  if (!isProduction(deployment)) return { ok: true, events: [], ignored: [`The environment “${deployment.environment}” is not production.`] };
  const timeAt = status.updated_at ? "deployment_status.updated_at" : "deployment_status.created_at";
  return {
    ok: true,
    ignored: [],
    events: [
      {
        event: {
          kind: "deployment",
          source: "github",
          eventId: String(status.id),
          service: repository.full_name,
          at: new Date(status.updated_at ?? status.created_at),
          outcome,
          rework: false,
        },
        timeAt,
      },
    ],
  };
}
