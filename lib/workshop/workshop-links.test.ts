import { describe, expect, it } from "vitest";
import { workshopLinks, workshopStateLabel } from "./workshop-links";

const w = { id: "w1", teamId: "t1", assessmentId: "a1" };

describe("a listed workshop's links", () => {
  it("offers the console only to whoever runs a running workshop, the presenter to all while it runs", () => {
    expect(workshopLinks({ ...w, status: "open" }, { mayRun: true })).toEqual({
      console: "/teams/t1/assessments/a1/workshop",
      presenter: "/workshops/w1/present",
      report: "/workshops/w1/report",
    });
    expect(workshopLinks({ ...w, status: "paused" }, { mayRun: false })).toEqual({ presenter: "/workshops/w1/present", report: "/workshops/w1/report" });
  });

  it("leaves an ended workshop its report only", () => {
    expect(workshopLinks({ ...w, status: "ended" }, { mayRun: true })).toEqual({ report: "/workshops/w1/report" });
    expect(workshopStateLabel("ended")).toBe("Ended");
    expect(workshopStateLabel("paused")).toBe("Paused");
    expect(workshopStateLabel("open")).toBe("Running");
  });
});
