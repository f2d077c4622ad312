import { describe, expect, it } from "vitest";
import { andList, orList, withArticle } from "./words";

describe("words in sentences", () => {
  it("joins names with and / or, without a serial comma", () => {
    expect(andList([])).toBe("");
    expect(andList(["Payments"])).toBe("Payments");
    expect(andList(["Payments", "Search"])).toBe("Payments and Search");
    expect(andList(["Billing", "Payments", "Search"])).toBe("Billing, Payments and Search");
    expect(orList(["Ana Owner", "Bo Admin"])).toBe("Ana Owner or Bo Admin");
    expect(orList(["Ana", "Bo", "Cy"])).toBe("Ana, Bo or Cy");
  });

  it("puts the right article before a role", () => {
    expect(withArticle("Member")).toBe("a member");
    expect(withArticle("Admin")).toBe("an admin");
    expect(withArticle("Owner")).toBe("an owner");
    expect(withArticle("Facilitator")).toBe("a facilitator");
    expect(withArticle("Viewer")).toBe("a viewer");
  });
});
