import type { Metadata } from "next";
import { card } from "@/components/ui/styles";
import type { TokenStatus } from "@/lib/api-tokens";
import { formatDate, formatDateTime } from "@/lib/format";
import { page } from "@/server/page";
import { apiTokensView, type ApiTokenRow } from "@/views/settings";
import { CreateTokenForm } from "./_components/create-token-form";
import { RevokeTokenButton } from "./_components/revoke-token-button";

export const metadata: Metadata = { title: "API tokens" };

const statusStyles: Record<TokenStatus, string> = {
  active: "bg-green-100 text-green-900",
  expired: "bg-stone-200 text-stone-800",
  revoked: "bg-red-100 text-red-900",
};
const statusLabels: Record<TokenStatus, string> = { active: "Active", expired: "Expired", revoked: "Revoked" };

// Only owners and admins may list tokens: anyone else is refused, which the page wrapper answers as not found.
export default page(async ({ viewer, ctx }) => {
  const tokens = await apiTokensView(ctx);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold text-wood-900">API tokens</h1>
        <p className="mt-1 max-w-2xl text-stone-700">
          Tokens let your own tools — a BI dashboard, Grafana, a notebook — read {viewer.organisation.name}’s teams and results from the API at{" "}
          <code className="text-sm">/api/v1</code>, sent as <code className="text-sm whitespace-nowrap">Authorization: Bearer &lt;token&gt;</code>. A token
          reads what a viewer reads and changes nothing, except that one with the <code className="text-sm">events:write</code> scope may send delivery events
          (deployments, changes, incidents).
        </p>
        <p className="mt-2 max-w-2xl text-stone-700">
          Every resource and its fields are described in the{" "}
          <a href="/api/v1/openapi.json" className="font-medium text-wood-700 underline">
            OpenAPI document
          </a>
          , from which tools can generate a typed client.
        </p>
      </div>
      <section className={card} aria-labelledby="create-token-heading">
        <h2 id="create-token-heading" className="text-lg font-semibold">
          Create a token
        </h2>
        <CreateTokenForm />
      </section>
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading" className="text-lg font-semibold">
          Tokens
        </h2>
        {tokens.length === 0 ? (
          <p className="mt-2 text-stone-700">No tokens yet.</p>
        ) : (
          <ul className="mt-2 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" aria-label="Tokens">
            {tokens.map((token) => (
              <TokenRow key={token.id} token={token} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
});

function TokenRow({ token }: { token: ApiTokenRow }) {
  return (
    <li className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-start sm:justify-between" aria-label={token.name}>
      <div className="min-w-0 space-y-1">
        <p className="flex flex-wrap items-center gap-2">
          <span className="font-medium break-words">{token.name}</span>
          <span className={`rounded px-2 py-0.5 text-xs font-semibold ${statusStyles[token.status]}`}>{statusLabels[token.status]}</span>
        </p>
        <p className="text-sm text-stone-700">
          <code>{token.tokenPrefix}…</code> · {token.scopes.join(", ")}
        </p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm text-stone-700">
          <dt>Created</dt>
          <dd>
            {formatDate(token.createdAt)} by {token.creatorName ?? "a former member"}
          </dd>
          <dt>Last used</dt>
          <dd>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "Never"}</dd>
          <dt>{token.status === "revoked" ? "Revoked" : token.status === "expired" ? "Expired" : "Expires"}</dt>
          <dd>{token.revokedAt ? formatDate(token.revokedAt) : token.expiresAt ? formatDate(token.expiresAt) : "Never"}</dd>
        </dl>
      </div>
      {token.status === "active" && <RevokeTokenButton tokenId={token.id} name={token.name} />}
    </li>
  );
}
