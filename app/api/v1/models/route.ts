import { apiRead } from "@/server/api-read";
import { modelLibraryView } from "@/views/models";

export const GET = apiRead("listModels", async ({ caller }) => ({ models: (await modelLibraryView(caller.ctx)).models }));
