import { describe, expect, it, vi } from "vitest";
import { AppError, type ErrorCode } from "@/lib/errors";
import { route } from "./route";

// What a token route reads of the request; set by a test.
let authorization: string | null = null;
vi.mock("next/headers", () => ({ headers: async () => new Headers(authorization === null ? {} : { authorization }) }));

const call = (handler: ReturnType<typeof route>) => handler(new Request("http://localhost/api/x"), { params: Promise.resolve({}) });

describe("route", () => {
  it("answers what the handler answers", async () => {
    const response = await call(route("anyone", async () => Response.json({ fine: true })));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ fine: true });
  });

  it("refuses a token route without a Bearer header before the handler runs, with a problem and a challenge", async () => {
    let ran = false;
    const handler = route("token", async () => {
      ran = true;
      return Response.json({});
    });
    for (const header of [null, "Basic dXNlcjpwYXNz", "Bearer"]) {
      authorization = header;
      const response = await call(handler);
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="Stave API"');
      expect((await response.json()).detail).toMatch(/Authorization: Bearer/);
    }
    expect(ran).toBe(false);
  });

  it("challenges only token routes", async () => {
    const response = await call(
      route("anyone", async () => {
        throw new AppError("unauthenticated", "No.");
      }),
    );
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBeNull();
  });

  it("maps every typed error to its HTTP status, with the message", async () => {
    const expected: Record<ErrorCode, number> = {
      invalid_input: 400,
      unauthenticated: 401,
      forbidden: 403,
      results_private: 403,
      not_found: 404,
      conflict: 409,
      read_only: 409,
      payload_too_large: 413,
      incomplete: 422,
      rate_limited: 429,
      unavailable: 503,
    };
    for (const [code, status] of Object.entries(expected) as [ErrorCode, number][]) {
      const response = await call(
        route("anyone", async () => {
          throw new AppError(code, `It is ${code}.`, { field: ["Why."] });
        }),
      );
      expect(response.status).toBe(status);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(await response.json()).toEqual({
        type: `urn:stave:problem:${code.replace(/_/g, "-")}`,
        title: expect.any(String),
        status,
        detail: `It is ${code}.`,
        errors: [{ pointer: "#/field", detail: "Why." }],
      });
    }
  });

  it("answers 503, to retry, when the database cannot be reached, wherever the error surfaced", async () => {
    const response = await call(
      route("anyone", async () => {
        throw new Error("Failed query: select 1", { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }) });
      }),
    );
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect((await response.json()).detail).toMatch(/cannot reach its database/);
  });

  it("answers an unexpected error with 500 and the generic message, never its details", async () => {
    const log = console.error;
    console.error = () => undefined;
    try {
      const response = await call(
        route("anyone", async () => {
          throw new Error('relation "secrets" does not exist');
        }),
      );
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(text).not.toContain("secrets");
      expect(JSON.parse(text)).toMatchObject({ status: 500, detail: "Something went wrong on our side. Nothing was changed; please try again." });
    } finally {
      console.error = log;
    }
  });
});
