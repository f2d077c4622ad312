// The one reader of request bodies with a size limit: Stave's own server reads server-action
// bodies with it before Next.js does, and route handlers read theirs with it (server/json-body.ts,
// the SAMM upload). A declared length is no promise (a chunked body declares none), so the limit
// is counted on the bytes as they arrive. Plain JavaScript: the server script imports it as it is.

/**
 * Reads a body — a Node request or a web ReadableStream, both of which iterate as chunks — whole,
 * or stops at the first chunk past `limit` bytes without keeping more (`tooLarge`). The rest is
 * not cancelled, which would close the connection before the 413 that says why: it is read and
 * dropped, never kept, so the client can finish sending and read the answer.
 */
export async function readLimited(source, limit) {
  if (!source) return { ok: true, body: Buffer.alloc(0) };
  if (typeof source.resume === "function") return readNodeStream(source, limit);
  const iterator = source[Symbol.asyncIterator]();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await iterator.next();
    if (done) return { ok: true, body: Buffer.concat(chunks) };
    const chunk = typeof value === "string" ? Buffer.from(value) : value;
    size += chunk.byteLength;
    if (size > limit) {
      // Read on and drop, in the background, so the 413 is sent while the client finishes sending.
      void (async () => {
        while (!(await iterator.next()).done);
      })().catch(() => {});
      return { ok: false, tooLarge: true };
    }
    chunks.push(chunk);
  }
}

function readNodeStream(req, limit) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    const onData = (chunk) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off("data", onData);
      req.off("end", onEnd);
      req.resume();
      resolve({ ok: false, tooLarge: true });
    };
    const onEnd = () => resolve({ ok: true, body: Buffer.concat(chunks) });
    req.on("data", onData);
    req.on("end", onEnd);
    req.once("error", reject);
  });
}

/** Whether a declared Content-Length already says the body is over `limit` (so nothing need be read). */
export function declaredTooLarge(contentLength, limit) {
  return Number(contentLength ?? 0) > limit;
}
