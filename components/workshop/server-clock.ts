// The server's clock as this browser last heard it (every workshop view and heartbeat carries it),
// so a countdown is right on a laptop or phone whose own clock is off. Until heard, the browser's.

let offsetMs = 0;

export function heardServerTime(serverMs: number): void {
  if (Number.isFinite(serverMs)) offsetMs = serverMs - Date.now();
}

/** Now, by the server's clock. */
export const serverNow = (): number => Date.now() + offsetMs;
