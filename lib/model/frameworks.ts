import type { FrameworkMappings } from "./schema";

/** The recognised frameworks a question may name, in the order they are shown, with their full names. */
export const FRAMEWORKS = [
  { key: "dora", name: "DORA capabilities" },
  { key: "samm", name: "OWASP SAMM" },
  { key: "dsomm", name: "OWASP DSOMM" },
  { key: "ssdf", name: "NIST SSDF" },
  { key: "slsa", name: "SLSA" },
  { key: "cis", name: "CIS Controls" },
] as const satisfies readonly { key: keyof FrameworkMappings; name: string }[];

/** The frameworks a question names, each with its entries; frameworks it does not name are left out. */
export function namedFrameworks(mappings: FrameworkMappings | undefined): { name: string; entries: string[] }[] {
  return FRAMEWORKS.flatMap(({ key, name }) => {
    const entries = mappings?.[key] ?? [];
    return entries.length > 0 ? [{ name, entries }] : [];
  });
}
