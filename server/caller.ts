import "server-only";
import type { Ctx } from "@/db/context";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/viewer";
import { getSignedInUser, getViewer, memberContext, type SignedIn } from "./session";
import { startUp } from "./start-up";

/**
 * Who may call an action or a route: anyone; anyone signed in, even without an organisation yet
 * (creating one, accepting an invitation); or a member of the active organisation. Workshop
 * participants and API tokens join this list with the features that issue their credentials.
 */
export type Who = "anyone" | "signed-in" | "member";

type Callers = {
  anyone: Record<string, never>;
  "signed-in": { signedIn: SignedIn };
  member: { viewer: Viewer; ctx: Ctx };
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
};

/** Finds out who is asking; refuses (unauthenticated) anyone who is not `who`. */
export function resolveCaller<W extends Who>(who: W): Promise<Caller<W>> {
  return resolvers[who]();
}
