import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { problemOf, problemResponse } from "./problem";

describe("problemOf", () => {
  it("describes a typed error with its type, title, status and message", () => {
    expect(problemOf(new AppError("unauthenticated", "The API token “BI” was revoked."))).toEqual({
      type: "urn:stave:problem:unauthenticated",
      title: "Not authenticated",
      status: 401,
      detail: "The API token “BI” was revoked.",
    });
  });

  it("lists field errors with a JSON pointer to each field, and form-wide ones without", () => {
    const problem = problemOf(new AppError("invalid_input", "Check the fields.", { name: ["Name it."], "steps.0/x": ["Too long."], form: ["Try again."] }));
    expect(problem.errors).toEqual([{ pointer: "#/name", detail: "Name it." }, { pointer: "#/steps/0~1x", detail: "Too long." }, { detail: "Try again." }]);
  });

  it("gives an unexpected error only the generic message", () => {
    const problem = problemOf(new Error('relation "secrets" does not exist'));
    expect(problem).toMatchObject({ status: 500, type: "urn:stave:problem:internal" });
    expect(JSON.stringify(problem)).not.toContain("secrets");
  });
});

describe("problemResponse", () => {
  it("answers application/problem+json with the error's status, never cached", async () => {
    const response = problemResponse(new AppError("not_found", "The team was not found."));
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toMatchObject({ status: 404, detail: "The team was not found." });
  });

  it("says when to try again in whole seconds when the error knows", () => {
    const response = problemResponse(new AppError("rate_limited", "Too many.", undefined, 12.2));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("13");
    expect(problemResponse(new AppError("rate_limited", "Too many.")).headers.get("retry-after")).toBeNull();
  });

  it("adds the headers it is given", () => {
    const response = problemResponse(new AppError("unauthenticated", "No."), { headers: { "WWW-Authenticate": "Bearer" } });
    expect(response.headers.get("www-authenticate")).toBe("Bearer");
  });
});
