import type { IncomingMessage } from "node:http";

export declare const CLIENT_ADDRESS_HEADER: string;
export declare function trustedClientAddress(seen: {
  socketAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  trustProxy: boolean;
}): string;
export declare function markClientAddress(req: IncomingMessage, trustProxy: boolean): void;
