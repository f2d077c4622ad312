import { describe, expect, it } from "vitest";
import { agreedActionsSchema, recordAgreementSchema } from "../validation/workshop-agreement";
import { agreedActionDetail, agreementProblems, agreementText } from "./agreement";

const now = new Date("2026-12-07T10:00:00Z");
const scale = { min: 1, max: 5 };
const target = (level: number, dueOn = "2027-03-31") => ({ level, dueOn, areaName: "Observability" });

describe("an agreed next bottleneck", () => {
  it("takes a level above the area's score and on the scale, due after today", () => {
    expect(agreementProblems(target(3), 2, scale, now)).toEqual({});
    expect(agreementProblems(target(2), 2, scale, now)).toEqual({ level: ["The target must be above Observability's current score (2.0)."] });
    expect(agreementProblems(target(6), 2, scale, now).level).toEqual(["The scale stops at 5: a target can be at most 5."]);
    // A SAMM model's score as it shows it, to two decimals.
    expect(agreementProblems(target(1), 1.125, { min: 0, max: 3 }, now, 2).level).toEqual(["The target must be above Observability's current score (1.13)."]);
    expect(agreementProblems(target(3, "2026-12-07"), 2, scale, now).dueOn?.[0]).toMatch(/must be after 2026-12-07/);
    expect(agreementProblems(target(3, "2026-12-08"), 2, scale, now)).toEqual({});
  });

  it("takes any level above the bottom of the scale for an area with no answer yet", () => {
    expect(agreementProblems(target(2), null, scale, now)).toEqual({});
    expect(agreementProblems(target(1), null, scale, now).level).toEqual(["The target must be above the bottom of the scale (1)."]);
    expect(agreementProblems(target(6), null, scale, now).level).toEqual(["The scale stops at 5: a target can be at most 5."]);
  });

  it("reads as a sentence, with each action's owner and date when given", () => {
    expect(agreementText({ areaName: "Observability", fromScore: 1.94, level: 3, dueOn: "2027-03-31" })).toBe(
      "Raise Observability from 1.9 to level 3 by 31 Mar 2027",
    );
    expect(agreementText({ areaName: "Observability", fromScore: null, level: 3, dueOn: "2027-03-31" })).toBe("Raise Observability to level 3 by 31 Mar 2027");
    expect(agreedActionDetail({ title: "x", ownerText: "Ana", dueOn: "2027-01-15" })).toBe("owner: Ana · due 15 Jan 2027");
    expect(agreedActionDetail({ title: "x", ownerText: null, dueOn: "2027-01-15" })).toBe("due 15 Jan 2027");
    expect(agreedActionDetail({ title: "x", ownerText: null, dueOn: null })).toBe("");
  });
});

describe("the agreement form's fields", () => {
  const fields = {
    workshopId: "7f1c1a52-3c55-4c3e-9d0e-1f1f1f1f1f1f",
    areaId: "observability",
    level: "3",
    dueOn: "2027-03-31",
    action1Title: "  Page   the on-call  ",
    action1Owner: "Ana",
    action1Due: "",
    action2Title: "",
    action2Owner: "",
    action2Due: "",
  };

  it("keeps the actions with a title, in order, and their owner and date when given", () => {
    const parsed = recordAgreementSchema.parse({ ...fields, action3Title: "Alert on burn rate", action3Due: "2027-02-01" });
    expect(parsed).toEqual({
      workshopId: fields.workshopId,
      areaId: "observability",
      level: 3,
      dueOn: "2027-03-31",
      actions: [
        { title: "Page the on-call", ownerText: "Ana", dueOn: null },
        { title: "Alert on burn rate", ownerText: null, dueOn: "2027-02-01" },
      ],
    });
  });

  it("refuses no action at all, an owner or date without a title, a bad date and a bad level", () => {
    const issues = (input: object) => recordAgreementSchema.safeParse(input).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues({ ...fields, action1Title: "", action1Owner: "" })).toEqual([["action1Title", "Agree at least one first action: give it a title."]]);
    expect(issues({ ...fields, action2Owner: "Ben" })).toEqual([["action2Title", "Give this action a title, or clear its owner and date."]]);
    expect(issues({ ...fields, dueOn: "2027-02-30" })?.[0]?.[0]).toBe("dueOn");
    expect(issues({ ...fields, action1Due: "soon" })?.[0]?.[0]).toBe("action1Due");
    expect(issues({ ...fields, level: "three" })?.[0]?.[0]).toBe("level");
    expect(issues({ ...fields, areaId: "<script>" })?.[0]?.[0]).toBe("areaId");
    expect(issues({ ...fields, action1Title: "x".repeat(121) })?.[0]?.[0]).toBe("action1Title");
  });

  it("reads back stored actions only when they are one to three well-formed ones", () => {
    expect(agreedActionsSchema.safeParse([{ title: "a", ownerText: null, dueOn: null }]).success).toBe(true);
    expect(agreedActionsSchema.safeParse([]).success).toBe(false);
    expect(agreedActionsSchema.safeParse([{ title: "", ownerText: null, dueOn: null }]).success).toBe(false);
  });
});
