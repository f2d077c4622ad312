import { describe, expect, it } from "vitest";
import { originFrom } from "./public-origin";

const seen = { host: "localhost:3000", forwardedHost: null, forwardedProto: null, trustProxy: false, port: 3000 };

describe("the origin of links opened on another device", () => {
  it("is the configured address when there is one", () => {
    expect(originFrom({ ...seen, configured: "https://stave.example.com/app", lanAddress: "192.168.1.20" })).toEqual({
      origin: "https://stave.example.com",
      localOnly: false,
    });
  });

  it("is the address the browser used, unless that is this computer only", () => {
    expect(originFrom({ ...seen, host: "stave.internal:8080" })).toEqual({ origin: "http://stave.internal:8080", localOnly: false });
    expect(originFrom({ ...seen, host: "192.168.1.20:3000" })).toEqual({ origin: "http://192.168.1.20:3000", localOnly: false });
  });

  it("turns localhost into the machine's address on the local network, which phones in the room can reach", () => {
    for (const host of ["localhost:3000", "127.0.0.1:3000", "[::1]:3000", "LOCALHOST:3000"]) {
      expect(originFrom({ ...seen, host, lanAddress: "192.168.1.20" })).toEqual({ origin: "http://192.168.1.20:3000", localOnly: false });
    }
    expect(originFrom({ ...seen, host: null, lanAddress: "10.0.0.5" })).toEqual({ origin: "http://10.0.0.5:3000", localOnly: false });
  });

  it("says when only this computer can open it", () => {
    expect(originFrom({ ...seen })).toEqual({ origin: "http://localhost:3000", localOnly: true });
  });

  it("believes forwarded host and scheme only behind a trusted proxy", () => {
    const proxied = { ...seen, host: "10.0.0.2:3000", forwardedHost: "stave.example.com", forwardedProto: "https" };
    expect(originFrom(proxied).origin).toBe("http://10.0.0.2:3000");
    expect(originFrom({ ...proxied, trustProxy: true }).origin).toBe("https://stave.example.com");
  });
});
