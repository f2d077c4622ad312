import type { ApiScope } from "./api-tokens";
import type { Role } from "./permissions";

/**
 * Who is asking. Every organisation-scoped data function is told, and every audit row records it:
 * a signed-in member with their role, a workshop participant (no account), an API token, or Stave
 * itself (the demo seed, start-up backfills, the bench).
 */
export type Actor =
  | { kind: "member"; userId: string; role: Role }
  | { kind: "participant"; participantId: string; name: string | null }
  | { kind: "token"; tokenId: string; name: string; scopes: readonly ApiScope[] }
  | { kind: "system"; name: string };

export type ActorKind = Actor["kind"];
export const ACTOR_KINDS = ["member", "participant", "token", "system"] as const satisfies readonly ActorKind[];

export const systemActor = (name: string): Actor => ({ kind: "system", name });
