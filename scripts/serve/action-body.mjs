// What reaches a server action's endpoint before Next.js reads it. Next answers 500 both to a body
// over its limit and to one it cannot decode; here they get 413 and 400 with a plain message
// (Next's client shows a text/plain message of a failed action as the error).

export const ACTION_BODY_LIMIT = 1024 * 1024; // Next's own default for server actions: 1 MB
// Where Next looks for an action body it should use instead of reading the request itself.
const REQUEST_META = Symbol.for("NextInternalRequestMeta");

function refuse(res, status, message) {
  res.writeHead(status, { "Content-Type": "text/plain", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" });
  res.end(message);
}

const tooLarge = (res) => refuse(res, 413, "The request is too large: a form can be at most 1 MB.");

/** Reads the whole body, or undefined once it passes the limit. */
function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        resolve(undefined);
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/**
 * Checks a server-action request; true when it answered it (413 or 400), false when Next should.
 * A body sent as text (the arguments of an action called from code, as JSON) is read here and
 * handed to Next, so it is read once.
 */
export async function checkActionBody(req, res) {
  if (req.method !== "POST" || req.headers["next-action"] === undefined) return false;
  if (Number(req.headers["content-length"] ?? 0) > ACTION_BODY_LIMIT) {
    tooLarge(res);
    return true;
  }
  if (!String(req.headers["content-type"] ?? "").startsWith("text/plain")) return false;
  const body = await readBody(req, ACTION_BODY_LIMIT);
  if (body === undefined) {
    tooLarge(res);
    return true;
  }
  try {
    JSON.parse(body.toString("utf8"));
  } catch {
    refuse(res, 400, "Invalid request: the action's arguments are not valid JSON.");
    return true;
  }
  req[REQUEST_META] = { ...req[REQUEST_META], actionBody: body };
  return false;
}
