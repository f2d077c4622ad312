import path from "node:path";
import { describe, expect, it } from "vitest";
import { modelChanges } from "@/lib/model/changes";
import { conditionCount, MAX_UNLISTED_CONDITIONS } from "@/lib/model/conditions";
import { questionsOf } from "@/lib/model/lookup";
import type { Model } from "@/lib/model/schema";
import { loadModels, newestModel } from "./load-models";

// What a consultant checks in the shipped models beyond their tags: each practice is described in
// one question's levels only, no level asks for more than a few things at once unless it lists
// them, every question says where it sits in recognised frameworks, and the top level is a
// practice of its own rather than the level below held for longer.

const shipped = loadModels(path.join(process.cwd(), "content", "models"));
const version = (id: string, v: string) => shipped.find((m) => m.id === id && m.version === v)!;
const newest = [...new Set(shipped.map((m) => m.id))].map((id) => newestModel(shipped, id)!);
const core = newestModel(shipped, "devops-core")!;
const levelTexts = (model: Model) => questionsOf(model).map(({ question }) => ({ id: question.id, text: question.levels.join(" ") }));

/** Key phrases of practices, each expected in the levels of one question only. */
const PRACTICE_PHRASES: [practice: string, phrase: RegExp, home: string][] = [
  ["alerting on a silent signal", /stops? (arriving|reporting|running|matching)|goes silent|heartbeat/i, "observability-alerting"],
  ["enforced review", /recorded review|reviewed by a teammate|direct pushes/i, "cicd-change-approval"],
  ["symptom-based paging", /symptoms? (that )?users/i, "observability-alerting"],
  ["burn-rate alerting", /burn rate/i, "observability-slos"],
  ["SBOM search", /\bSBOMs?\b/, "security-dependencies"],
  ["dependency auto-merge", /merge automatically|cooldown/i, "security-dependencies"],
  ["workload identity", /workload identity/i, "security-secrets"],
  ["secret scanning", /push protection|secret scanning/i, "security-secrets"],
  ["just-in-time access", /just in time/i, "security-access"],
  ["build provenance", /SLSA|signs the provenance/, "security-supply-chain"],
  ["reproducible builds", /reproducible|bit-for-bit|repeatable/i, "cicd-build"],
  ["trunk-based development", /branch by abstraction|branching rule/i, "cicd-integration"],
  ["test data masking", /masking|masked/i, "cicd-test-data"],
  ["flaky tests", /flaky|mutation testing/i, "cicd-testing"],
  ["configuration drift", /drift (\(|finding|is checked)/i, "cicd-infrastructure"],
  ["expand and contract", /expand-and-contract|expand and contract/i, "cicd-database-changes"],
  ["continuous deployment", /continuous deployment/i, "cicd-deploy"],
  ["canary releases", /canary|automated rollback/i, "cicd-progressive-delivery"],
  ["DORA's delivery metrics", /rework rate|all five/i, "cicd-delivery-performance"],
  ["structured logging", /structured logs/i, "observability-logging"],
  ["distributed tracing", /trace ID|OpenTelemetry/, "observability-tracing"],
  ["real user monitoring", /real user monitoring|synthetic checks \(/i, "observability-user-monitoring"],
  ["detection rules", /detection rules|threat hunting|signs of attack/i, "observability-security-monitoring"],
  ["incident command", /incident commander/i, "incident-response-roles"],
  ["status page", /status page/i, "incident-response-communication"],
  ["game days and tabletops", /game day|tabletop|as in a real incident/i, "incident-response-practice"],
  ["recovery objectives", /\bRPO\b|\bRTO\b/, "incident-response-disaster-recovery"],
  ["regulatory notification", /72 hours|GDPR|NIS2|EU DORA/, "incident-response-security-incidents"],
  ["evidence preservation", /evidence \(logs|evidence collection|evidence is kept/i, "incident-response-security-incidents"],
  ["network segmentation", /segmentation|zero trust|rate limits|denial-of-service/i, "security-network"],
  ["hardening baselines", /CIS Benchmark|hardening baseline/i, "security-hardening"],
  ["DAST", /\bDAST\b/, "security-dynamic-testing"],
  ["encryption at rest", /encrypted at rest|key management service/i, "security-data-protection"],
  ["a service map from traces", /service map|from traces/i, "observability-tracing"],
  ["telemetry by default", /instrumentation library|platform default|(logging|metrics)[^.]{0,40}defaults/i, "observability-ownership"],
  ["security checks from the first commit", /security defaults|start from a template that includes/i, "security-code-analysis"],
  ["golden paths", /golden path|paved road/i, "platform-golden-paths"],
  ["fault injection", /fault[- ]injection|chaos/i, "reliability-resilience"],
  ["capacity for a lost zone", /(copy|zone) (is )?lost|N\+1|losing (one|a) zone/i, "reliability-redundancy"],
];

/** Words that mark a level as asking for more than the team itself does or offers. */
const BEYOND_THE_TEAM = /across the organisation|organisation-wide|other teams (also )?use|company's identity system|anyone in the organisation/i;

describe.each(newest.map((m) => [`${m.id} ${m.version}`, m] as const))("the shipped model %s", (_name, model) => {
  it.each(PRACTICE_PHRASES)("describes %s in the levels of one question only", (_practice, phrase, home) => {
    const hasHome = questionsOf(model).some(({ question }) => question.id === home);
    expect(
      levelTexts(model)
        .filter(({ text }) => phrase.test(text))
        .map(({ id }) => id),
    ).toEqual(hasHome ? [home] : []);
  });

  it("asks for at most three conditions in a level's text, or lists the level's criteria", () => {
    const crowded = questionsOf(model).flatMap(({ question: q }) =>
      q.levels.flatMap((text, i) => {
        const value = model.scale[i]!.value;
        return conditionCount(text) > MAX_UNLISTED_CONDITIONS && !q.criteria?.[value] ? [`${q.id} L${value}`] : [];
      }),
    );
    expect(crowded).toEqual([]);
    for (const { question: q } of questionsOf(model)) for (const list of Object.values(q.criteria ?? {})) expect(list.length, q.id).toBeLessThanOrEqual(4);
  });

  it("makes each top level a practice of its own, with time held as evidence rather than the level", () => {
    expect(
      questionsOf(model)
        .filter(({ question }) => /two quarters|two rounds|has held|have held/i.test(question.levels.at(-1)!))
        .map(({ question }) => question.id),
    ).toEqual([]);
  });

  it("asks the team for what it does or offers, not for what other teams or the whole organisation do", () => {
    expect(questionsOf(model).flatMap(({ question: q }) => q.levels.flatMap((text, i) => (BEYOND_THE_TEAM.test(text) ? [`${q.id} L${i + 1}`] : [])))).toEqual(
      [],
    );
  });

  it("scores what people do rather than whether the team runs a survey or what it scores; only customers' surveys appear", () => {
    expect(
      levelTexts(model)
        .filter(({ text }) => /survey/i.test(text))
        .map(({ id }) => id)
        .filter((id) => id !== "measurement-customer-outcomes"),
    ).toEqual([]);
  });

  it("ends every evidence line with a full stop", () => {
    expect(
      questionsOf(model)
        .filter(({ question }) => (question.evidence ?? []).some((e) => !/[.!?]$/.test(e)))
        .map(({ question }) => question.id),
    ).toEqual([]);
  });

  it("says where every question sits in recognised frameworks", () => {
    expect(
      questionsOf(model)
        .filter(({ question }) => !question.mappings)
        .map(({ question }) => question.id),
    ).toEqual([]);
  });
});

describe("DevOps Core's newest version", () => {
  const questions = questionsOf(core).map(({ question }) => question);

  it("is 1.2.2 (1.2.1 measured delivery performance, 1.2.2 describes it), with 1.2.0's new questions on delivery performance, security incidents and networks", () => {
    expect(core.version).toBe("1.2.2");
    expect(core.areas.map((a) => [a.id, a.questions.length])).toEqual([
      ["cicd", 11],
      ["observability", 10],
      ["incident-response", 11],
      ["security", 11],
    ]);
  });

  it("maps every question to at least one framework", () => {
    expect(questions.filter((q) => Object.values(q.mappings ?? {}).flat().length === 0).map((q) => q.id)).toEqual([]);
  });

  it("names DORA's five metrics as DORA does, and cites the current OWASP Top 10 and SLSA", () => {
    const text = JSON.stringify(core);
    for (const metric of ["deployment frequency", "change lead time", "change fail rate", "failed deployment recovery time", "deployment rework rate"])
      expect(text).toContain(metric);
    expect(text).not.toMatch(/four keys/i);
    const references = questions.flatMap((q) => q.references ?? []);
    for (const r of references.filter((r) => /OWASP Top/i.test(r.label))) expect(r.label).toContain("2025");
    for (const r of references.filter((r) => /slsa\.dev/.test(r.url))) expect(r.url).toMatch(/\/spec\/v1\.[1-9]/);
    const supplyChain = questions.find((q) => q.id === "security-supply-chain")!;
    expect(supplyChain.levels.slice(2).map((l) => /SLSA Build L(\d)/.exec(l)?.[1])).toEqual(["1", "2", "3"]);
  });

  it("lets anyone who can act on the service carry the pager at the defined level", () => {
    const onCall = questions.find((q) => q.id === "incident-response-on-call")!;
    expect(onCall.levels[2]).not.toMatch(/team that builds/i);
  });

  it("keeps every earlier question, so teams' trends continue from 1.1.1", () => {
    const changes = modelChanges(version("devops-core", "1.1.1"), core);
    expect(changes.removed).toEqual([]);
    expect(changes.added.map((q) => q.questionId)).toEqual(["cicd-delivery-performance", "incident-response-security-incidents", "security-network"]);
  });
});

describe("DevOps Extended 1.1.0", () => {
  const extended = version("devops-extended", "1.1.0");

  it("names a framework for every question one fits; none of the six covers these reliability practices", () => {
    expect(
      questionsOf(extended)
        .filter(({ question }) => Object.values(question.mappings ?? {}).flat().length === 0)
        .map(({ question }) => question.id),
    ).toEqual(["reliability-toil", "reliability-production-readiness", "reliability-capacity", "reliability-redundancy", "reliability-dependencies"]);
  });

  it("asks platform users about the platform from their own experience", () => {
    const platform = extended.areas.find((a) => a.id === "platform")!.questions;
    for (const id of ["platform-product", "platform-adoption"]) expect(platform.find((q) => q.id === id)?.coverage, id).toMatch(/user of the platform/);
  });

  it("continues the DORA metrics trend through Core's delivery-performance question", () => {
    const changes = modelChanges(version("devops-extended", "1.0.1"), version("devops-extended", "1.1.0"));
    expect(changes.removed).toEqual([]);
    expect(changes.renamed).toEqual([expect.objectContaining({ questionId: "cicd-delivery-performance", from: "measurement-dora-metrics" })]);
  });
});
