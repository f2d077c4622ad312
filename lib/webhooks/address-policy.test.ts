import { describe, expect, it } from "vitest";
import { checkEndpointUrl, hostAllowed, parseAllowedHosts, refusedAddress } from "./address-policy";

const problem = (raw: string, allowed: string[] = []) => {
  const checked = checkEndpointUrl(raw, allowed);
  return "problem" in checked ? checked.problem : undefined;
};

describe("where webhooks may go", () => {
  it("refuses loopback, private, link-local and special addresses, IPv4 and IPv6, mapped or not", () => {
    for (const address of [
      "127.0.0.1",
      "10.0.0.5",
      "172.16.3.4",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fe80::1",
      "fd12::1",
      "::ffff:127.0.0.1",
      "::ffff:169.254.169.254",
      "224.0.0.1",
    ]) {
      expect(refusedAddress(address), address).toBeDefined();
    }
    expect(refusedAddress("169.254.169.254")).toMatch(/metadata/);
    expect(refusedAddress("8.8.8.8")).toBeUndefined();
    expect(refusedAddress("2a00:1450:4001:80b::200e")).toBeUndefined();
  });

  it("accepts a public HTTPS address and says why it refuses others", () => {
    expect(checkEndpointUrl("https://hooks.example.com/stave?team=1", [])).toEqual({ url: new URL("https://hooks.example.com/stave?team=1") });
    expect(problem("http://hooks.example.com/stave")).toMatch(/HTTPS only/);
    expect(problem("hooks.example.com")).toMatch(/whole address/);
    expect(problem("https://user:pw@hooks.example.com/")).toMatch(/user name and password/);
    expect(problem("https://127.0.0.1/hook")).toMatch(/loopback/);
    expect(problem("https://169.254.169.254/latest/meta-data")).toMatch(/metadata/);
    expect(problem("https://[::1]:8443/")).toMatch(/loopback/);
    expect(problem("https://localhost/hook")).toMatch(/private network/);
    expect(problem("https://db.internal/hook")).toMatch(/private network/);
  });

  it("lets the operator allow a host, with or without its port, also over plain http", () => {
    const allowed = parseAllowedHosts(" 127.0.0.1:4567 , Receiver.Local ");
    expect(allowed).toEqual(["127.0.0.1:4567", "receiver.local"]);
    expect(problem("http://127.0.0.1:4567/hook", allowed)).toBeUndefined();
    expect(problem("http://127.0.0.1:4568/hook", allowed)).toMatch(/HTTPS only/);
    expect(problem("https://127.0.0.1:4568/hook", allowed)).toMatch(/loopback/);
    expect(problem("http://receiver.local/hook", allowed)).toBeUndefined();
    expect(hostAllowed(new URL("https://receiver.local:9000/"), allowed)).toBe(true);
    expect(parseAllowedHosts(undefined)).toEqual([]);
  });
});
