import http from "node:http";

/**
 * Sends a request the way a script, not a browser, can: any headers, and a body streamed in
 * chunks without a declared length (`chunks` of `chunkSize` bytes). Stops sending once the server
 * answers; resolves with the status and the text of the answer.
 */
export function sendRaw(
  url: string,
  {
    method = "POST",
    headers = {},
    body,
    chunks = 0,
    chunkSize = 64 * 1024,
  }: { method?: string; headers?: Record<string, string>; body?: string | Buffer; chunks?: number; chunkSize?: number },
): Promise<{ status: number; text: string; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const request = http.request(url, { method, headers }, (response) => {
      answered = true;
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text, sent }));
    });
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    if (body !== undefined) {
      request.end(body);
      return;
    }
    const chunk = Buffer.alloc(chunkSize, "a");
    const pump = () => {
      while (!answered && sent < chunks * chunkSize) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      if (!answered) request.end();
    };
    pump();
  });
}
