import { z } from "zod";

// The parts of a page's link (its search parameters) that several pages read.

const one = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** A search parameter that may be missing or empty (a GET form's blank choice); the first when repeated. */
export const queryParam = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (one(v) === "" ? undefined : one(v)), schema.optional());

/** A page number of a paged list; 1 when missing. */
export const pageParam = queryParam(
  z.coerce.number("The page is a number.").int("The page is a whole number.").min(1, "Pages start at 1.").max(100_000),
).transform((p) => p ?? 1);
