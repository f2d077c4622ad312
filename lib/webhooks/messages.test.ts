import { describe, expect, it } from "vitest";
import { slackText, webhookEnvelope } from "./messages";

const origin = "https://stave.example.com";
const target = {
  assessmentId: "00000000-0000-4000-8000-000000000001",
  areaId: "security",
  areaName: "Security <&> Compliance",
  fromScore: 1.8,
  level: 3,
  dueOn: "2027-03-31",
  outcome: { state: "missed" as const, score: 2.4 },
};

describe("webhook messages", () => {
  it("wrap the data as Standard Webhooks suggests", () => {
    const data = { teamId: "t", teamName: "Payments", cadence: "quarterly", lastSubmittedAt: "2026-06-01T00:00:00.000Z", dueOn: "2026-09-01" };
    expect(webhookEnvelope("assessment.overdue", new Date("2026-12-07T10:00:00Z"), data)).toEqual({
      type: "assessment.overdue",
      timestamp: "2026-12-07T10:00:00.000Z",
      data,
    });
  });

  it("read as a sentence with a link in Slack, people's words escaped", () => {
    expect(slackText("target.missed", { teamId: "t1", teamName: "Pay & <Go>", target }, origin)).toBe(
      "*Pay &amp; &lt;Go&gt;* missed its target: Security &lt;&amp;&gt; Compliance to level 3 by 31 Mar 2027. <https://stave.example.com/teams/t1/trend|Trend>",
    );
    expect(slackText("target.reached", { teamId: "t1", teamName: "Payments", target }, origin)).toMatch(/^\*Payments\* reached its target: /);
    expect(
      slackText(
        "assessment.overdue",
        { teamId: "t1", teamName: "Payments", cadence: "quarterly", lastSubmittedAt: "2026-06-01T00:00:00.000Z", dueOn: "2026-09-01" },
        origin,
      ),
    ).toBe("*Payments*'s next assessment was due on 1 Sept 2026. <https://stave.example.com/teams/t1|Team page>");
  });
});
