import { describe, expect, it } from "vitest";
import type { Model } from "@/lib/model/schema";
import { testModel } from "@/lib/test-models";
import { drivers, expectAppError, useTestDatabase, withContentId } from "@/db/test-db";
import { startAssessment } from "@/db/queries/assessments";
import { syncModelVersions } from "@/db/queries/model-versions";
import { setLogo } from "@/db/queries/organisation-branding";
import { createTeam } from "@/db/queries/teams";
import { openWorkshop } from "@/db/queries/workshops";
import { handOverView, organisationSettingsView } from "./branding";

const [model] = withContentId("branding-test", [testModel({ areas: [{ id: "build", questions: 1 }] })]) as [Model];
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe.each(drivers)("the hand-over header on %s", (_driver, open) => {
  const t = useTestDatabase(open, async (handle) => {
    await syncModelVersions(handle.db, [model]);
  });

  it("carries the organisation's name and logo, and the workshop's facilitator or the person preparing the report", async () => {
    const org = await t.organisation("Acme");
    const owner = t.as(org, await t.member(org, "owner"), "owner");
    const facilitator = t.as(org, await t.member(org, "facilitator", "Fran Facilitator"), "facilitator");
    const team = await createTeam(t.ctx(org), "Payments");
    const assessmentId = await startAssessment(t.ctx(org), team.id, model.id);
    const workshop = await openWorkshop(facilitator, { assessmentId, anonymity: "named", autoReveal: true });

    const plain = await handOverView(owner, { preparedBy: "Olive Owner" });
    expect(plain).toEqual({ organisationName: expect.stringMatching(/^Acme /), logoHref: null, person: { role: "Prepared by", name: "Olive Owner" } });

    await setLogo(owner, png);
    const branded = await handOverView(owner, { workshopId: workshop.id, preparedBy: "Olive Owner" });
    expect(branded.person).toEqual({ role: "Facilitated by", name: "Fran Facilitator" });
    expect(branded.logoHref).toMatch(new RegExp(`^/organisations/${org}/logo\\?v=\\d+$`));
    expect((await organisationSettingsView(owner)).logo).toMatchObject({ href: branded.logoHref, contentType: "image/png", kilobytes: 1 });

    // A workshop is a team's draft: someone who may not see it learns nothing of it, not even who ran it.
    const viewer = t.as(org, await t.member(org, "viewer"), "viewer");
    await expectAppError(handOverView(viewer, { workshopId: workshop.id, preparedBy: "Vi" }), "not_found");
    await expectAppError(handOverView(owner, { workshopId: "not-an-id", preparedBy: "Olive" }), "not_found");
    await expectAppError(organisationSettingsView(viewer), "forbidden");
  });
});
