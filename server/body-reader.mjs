// The one reader of request bodies with a size limit: Stave's own server reads server-action
// bodies with it before Next.js does, and route handlers read theirs with it (server/json-body.ts,
// the SAMM upload). A declared length is no promise (a chunked body declares none), so the limit
// is counted on the bytes as they arrive. Plain JavaScript: the server script imports it as it is.

/**
 * Reads a body — a Node request or a web ReadableStream, both of which iterate as chunks — whole,
 * or stops at the first chunk past `limit` bytes without reading further (`tooLarge`). The rest is
 * left unread rather than cancelled, so the connection stays open for the 413 that says why.
 */
export async function readLimited(source, limit) {
  if (!source) return { ok: true, body: Buffer.alloc(0) };
  const iterator = source[Symbol.asyncIterator]();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await iterator.next();
    if (done) return { ok: true, body: Buffer.concat(chunks) };
    const chunk = typeof value === "string" ? Buffer.from(value) : value;
    size += chunk.byteLength;
    if (size > limit) return { ok: false, tooLarge: true };
    chunks.push(chunk);
  }
}

/** Whether a declared Content-Length already says the body is over `limit` (so nothing need be read). */
export function declaredTooLarge(contentLength, limit) {
  return Number(contentLength ?? 0) > limit;
}
