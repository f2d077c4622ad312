// What reaches a server action's endpoint before Next.js reads it. Next answers 500 to a body over
// its limit, to one it cannot decode and to another site's Origin, and reads a chunked multipart
// body past its limit; here the body is read once, with the one limited reader, and refused with
// 413, 400 or 403 and a plain message (Next's client shows a text/plain message of a failed action
// as the error). A body that passes is handed to Next, which then reads it from memory.
import { declaredTooLarge, readLimited } from "../../server/body-reader.mjs";

export const ACTION_BODY_LIMIT = 1024 * 1024; // Next's own default for server actions: 1 MB
// Where Next looks for an action body it should use instead of reading the request itself.
const REQUEST_META = Symbol.for("NextInternalRequestMeta");

function refuse(res, status, message) {
  res.writeHead(status, { "Content-Type": "text/plain", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" });
  res.end(message);
}

const first = (value) =>
  String(value ?? "")
    .split(",")[0]
    .trim();

/**
 * Whether the request's Origin, when it sends one, is the host it asked for — as Next itself
 * compares them (X-Forwarded-Host first, then Host), so anything Next would abort is refused here.
 */
function sameOrigin(req) {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (!URL.canParse(origin)) return false; // "null" from a sandboxed or file page
  const host = first(req.headers["x-forwarded-host"]) || first(req.headers.host);
  return Boolean(host) && new URL(origin).host === host;
}

/**
 * A server action: a POST naming its action, or a form posted to a page (an action submitted
 * before the page's script loaded). Route handlers under /api read their own bodies.
 */
function isAction(req) {
  if (req.method !== "POST") return false;
  if (req.headers["next-action"] !== undefined) return true;
  const type = String(req.headers["content-type"] ?? "");
  return !req.url?.startsWith("/api/") && (type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded"));
}

/** Why a body Next would fail to decode is refused, or undefined when it decodes. */
async function malformed(type, body) {
  if (type.startsWith("multipart/form-data")) {
    const decoded = await new Response(body, { headers: { "Content-Type": type } }).formData().then(
      () => true,
      () => false,
    );
    return decoded ? undefined : "Invalid request: the form's data could not be read.";
  }
  if (type.startsWith("text/plain")) {
    try {
      JSON.parse(body.toString("utf8"));
      return undefined;
    } catch {
      return "Invalid request: the action's arguments are not valid JSON.";
    }
  }
  return undefined;
}

/** Checks a server-action request; true when it answered it (413, 400 or 403), false when Next should. */
export async function checkActionBody(req, res) {
  if (!isAction(req)) return false;
  if (!sameOrigin(req)) {
    refuse(res, 403, "This form can be sent from Stave's own pages only.");
    return true;
  }
  const tooLarge = () => refuse(res, 413, "The request is too large: a form can be at most 1 MB.");
  if (declaredTooLarge(req.headers["content-length"], ACTION_BODY_LIMIT)) {
    tooLarge();
    return true;
  }
  const read = await readLimited(req, ACTION_BODY_LIMIT);
  if (!read.ok) {
    tooLarge();
    return true;
  }
  const problem = await malformed(String(req.headers["content-type"] ?? ""), read.body);
  if (problem) {
    refuse(res, 400, problem);
    return true;
  }
  req[REQUEST_META] = { ...req[REQUEST_META], actionBody: read.body };
  return false;
}
