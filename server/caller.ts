import "server-only";
import type { Ctx } from "@/db/context";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/viewer";
import type { Participant } from "@/db/queries/workshop-votes";
import { participantContext } from "./participant";
import { getSignedInUser, getViewer, memberContext, type SignedIn } from "./session";
import { startUp } from "./start-up";
import { tokenCaller } from "./token-caller";
import type { TokenContext } from "@/db/queries/api-tokens";

/**
 * Who may call an action or a route: anyone; anyone signed in, even without an organisation yet
 * (creating one, accepting an invitation); a member of the active organisation; a workshop
 * participant (by the token their join set); or an API token (`Authorization: Bearer`), whose
 * context reads as a viewer of the token's organisation and whose scopes say what else it may read.
 */
export type Who = "anyone" | "signed-in" | "member" | "participant" | "token";

type Callers = {
  anyone: Record<string, never>;
  "signed-in": { signedIn: SignedIn };
  member: { viewer: Viewer; ctx: Ctx };
  participant: { participant: Participant; ctx: Ctx };
  token: TokenContext;
};
export type Caller<W extends Who> = Callers[W];

const sessionEnded = () => new AppError("unauthenticated", "Your session has ended. Sign in again to continue.");

const resolvers: { [W in Who]: () => Promise<Callers[W]> } = {
  anyone: async () => ({}),
  "signed-in": async () => {
    const signedIn = await getSignedInUser();
    if (!signedIn) throw sessionEnded();
    return { signedIn };
  },
  member: async () => {
    const viewer = await getViewer();
    if (!viewer) throw sessionEnded();
    return { viewer, ctx: memberContext(viewer, (await startUp()).db) };
  },
  participant: async () => {
    const found = await participantContext();
    if (!found) throw new AppError("unauthenticated", "This phone is not in a running workshop: it may have ended. To join one, enter the code on the screen.");
    return found;
  },
  token: tokenCaller,
};

/** Finds out who is asking; refuses (unauthenticated) anyone who is not `who`. */
export function resolveCaller<W extends Who>(who: W): Promise<Caller<W>> {
  return resolvers[who]();
}
