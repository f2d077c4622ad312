import "server-only";
import type { Ctx } from "@/db/context";
import { recordDeliveryEvents } from "@/db/queries/delivery";
import { deliverySourceContext } from "@/db/queries/delivery-sources";
import { ingestAnswerSchema } from "@/lib/contracts/delivery-events";
import type { SignedSource } from "@/lib/delivery/events";
import { checkTimes, type Parsed } from "@/lib/delivery/parsed";
import { AppError } from "@/lib/errors";
import { requireApiRequestAllowed } from "./api-rate-limit";
import { readBody } from "./json-body";
import { startUp } from "./start-up";

/** The most one request of events may send: 500 events of Stave's format fit well inside. */
export const EVENTS_BODY_LIMIT = 1024 * 1024;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A request's body, read up to the limit, as bytes (what a signature covers) and as JSON. */
export async function readEventsBody(request: Request): Promise<{ raw: Buffer; json: () => unknown }> {
  const raw = await readBody(
    request,
    EVENTS_BODY_LIMIT,
    () =>
      new AppError(
        "payload_too_large",
        `The request is too large: send at most ${EVENTS_BODY_LIMIT / 1024 / 1024} MB of events at a time, in several requests.`,
      ),
  );
  const json = () => {
    try {
      return JSON.parse(new TextDecoder().decode(raw)) as unknown;
    } catch {
      throw new AppError("invalid_input", "Invalid request: the body is not valid JSON.");
    }
  };
  return { raw, json };
}

/**
 * Records what a body said, all of it or nothing: a body with any refused event (malformed, or a
 * time years away) records none. Answers what was recorded, what was already recorded (the same
 * source and id: nothing changed for it), what was left out, and the services no team owns yet.
 */
export async function recordParsed(ctx: Ctx, read: Parsed): Promise<Response> {
  const parsed = checkTimes(read, new Date());
  if (!parsed.ok) throw new AppError("invalid_input", parsed.error, parsed.fieldErrors);
  const result = await recordDeliveryEvents(
    ctx,
    parsed.events.map((e) => e.event),
  );
  const said = [
    `Recorded ${plural(result.recorded, "event", "events")}.`,
    result.duplicates.length > 0 &&
      `${plural(result.duplicates.length, "event was", "events were")} already recorded under the same source and id: nothing changed for ${result.duplicates.length === 1 ? "it" : "them"}.`,
    parsed.ignored.length > 0 && `${plural(parsed.ignored.length, "event was", "events were")} left out: ${parsed.ignored.join(" ")}`,
    result.unmappedServices.length > 0 &&
      `${plural(result.unmappedServices.length, "service is", "services are")} not mapped to a team yet (${result.unmappedServices.join(", ")}): its events are kept, and count once an owner or admin maps it.`,
  ].filter(Boolean);
  return Response.json(ingestAnswerSchema.parse({ ...result, ignored: parsed.ignored, detail: said.join(" ") }));
}

/**
 * A delivery from a source that signs instead of sending a token: the address names the source
 * (else 404), the signature over the raw body (at most 1 MB) is the one its secret makes (else 401,
 * nothing read further; past the limit of refused requests a minute, 429), and the source is within
 * its requests a minute (else 429).
 */
export async function receiveSigned(
  request: Request,
  kind: SignedSource,
  sourceId: string,
  verify: (body: Buffer, secret: string) => boolean,
  read: (json: unknown) => Parsed,
): Promise<Response> {
  const { db } = await startUp();
  const { ctx, secret } = await deliverySourceContext(db, kind, sourceId);
  const body = await readEventsBody(request);
  if (!verify(body.raw, secret)) {
    // Refused deliveries are counted apart: whoever knows the address cannot use up the source's own requests.
    await requireApiRequestAllowed(db, `delivery-source-refused:${sourceId}`, "This event source's address, with wrong signatures,");
    throw new AppError(
      "unauthenticated",
      "The signature does not match this source's signing secret: check that the webhook's secret is the one Stave showed when it was last set.",
    );
  }
  await requireApiRequestAllowed(db, `delivery-source:${sourceId}`, "This event source");
  return recordParsed(ctx, read(body.json()));
}
