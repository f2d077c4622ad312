import { apiRead } from "@/server/api-read";
import { organisationView } from "@/views/organisation";

export const GET = apiRead("getOrganisation", async ({ caller }) => (await organisationView(caller.ctx)).organisation, { versioned: true });
