import { z } from "zod";

const uuid = z.uuid();

/** Ids in URLs are checked before they reach a query, so a mistyped link is a plain "not found". */
export const isUuid = (value: string) => uuid.safeParse(value).success;
