export declare function readLimited(
  source: AsyncIterable<Uint8Array | string> | ReadableStream<Uint8Array> | null | undefined,
  limit: number,
): Promise<{ ok: true; body: Buffer } | { ok: false; tooLarge: true }>;
export declare function declaredTooLarge(contentLength: string | null | undefined, limit: number): boolean;
