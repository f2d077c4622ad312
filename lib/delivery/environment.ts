// Whether a deployment went to production, by its environment's name: DORA's metrics count
// production deployments only. A name counts when one of its words is "prod" or "production"
// ("prod-eu-1", "Production"), not when it only contains one ("preprod", "non-prod").

const PRODUCTION_WORDS = new Set(["prod", "production", "live"]);
const NOT_PRODUCTION = new Set(["pre", "non", "not", "staging", "stage", "test", "dev", "qa", "uat", "sandbox", "preview"]);

/** Whether an environment's name says production. */
export function isProductionEnvironment(name: string): boolean {
  const words = name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.some((w) => PRODUCTION_WORDS.has(w)) && !words.some((w) => NOT_PRODUCTION.has(w));
}
