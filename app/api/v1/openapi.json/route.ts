import { openApiDocument } from "@/lib/contracts/openapi";
import { publicOrigin } from "@/server/public-origin";
import { route } from "@/server/route";

/** The API's OpenAPI 3.1 document: anyone may read how the API works; only a token reads data. */
export const GET = route("anyone", async () => Response.json(openApiDocument((await publicOrigin()).origin)));
