import { z } from "zod";
import { isDomain, splitDomains } from "../sso/domains";
import { DEFAULT_GROUPS_CLAIM, DEFAULT_SSO_ROLE, SSO_ROLES, type GroupRole } from "../sso/mapping";
import { signInSchema } from "./account";
import { storableText } from "./text";

export const SSO_MAPPING_ROWS = 4;
const TEXT_MAX = 500;

/** A form field sent once or several times, as a list (the mapping's rows). */
const list = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(storableText("A group value")));

const trimmed = (what: string, missing: string) =>
  storableText(what, missing)
    .transform((s) => s.trim())
    .pipe(z.string().min(1, missing).max(TEXT_MAX, `${what} can be at most ${TEXT_MAX} characters.`));

const issuer = trimmed("The issuer URL", "Enter the issuer URL of your identity provider.").refine((s) => {
  try {
    const url = new URL(s);
    return (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password && !url.hash && !url.search;
  } catch {
    return false;
  }
}, "The issuer URL must be a full https:// address, such as https://login.example.com.");

const domains = storableText("The e-mail domains", "Enter at least one e-mail domain, such as example.com.")
  .transform(splitDomains)
  .superRefine((list, context) => {
    if (list.length === 0) context.addIssue({ code: "custom", message: "Enter at least one e-mail domain, such as example.com." });
    const bad = list.filter((d) => !isDomain(d));
    if (bad.length > 0)
      context.addIssue({ code: "custom", message: `Not an e-mail domain: ${bad.join(", ")}. Write domains such as example.com, comma-separated.` });
    if (list.length > 20) context.addIssue({ code: "custom", message: "At most 20 domains." });
  });

/** The owner's single sign-on settings as typed. The secret may be left empty to keep the saved one. */
export const saveSsoSchema = z
  .object({
    issuer,
    clientId: trimmed("The client ID", "Enter the client ID your identity provider gave Stave."),
    clientSecret: storableText("The client secret")
      .optional()
      .transform((s) => (s ?? "").trim())
      .pipe(z.string().max(TEXT_MAX, `The client secret can be at most ${TEXT_MAX} characters.`)),
    domains,
    groupsClaim: storableText("The groups claim")
      .optional()
      .transform((s) => (s ?? "").trim() || DEFAULT_GROUPS_CLAIM)
      .pipe(
        z
          .string()
          .max(100, "The groups claim can be at most 100 characters.")
          .regex(/^[\w:./-]+$/, "The groups claim is a claim name, such as groups or roles."),
      ),
    defaultRole: z.enum(SSO_ROLES, "Choose the role for people in none of the groups.").default(DEFAULT_SSO_ROLE),
    mapGroup: list,
    mapRole: list,
    passwordSignInOff: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  })
  .transform(({ mapGroup, mapRole, ...rest }, context) => {
    const mapping: GroupRole[] = [];
    mapGroup.forEach((raw, i) => {
      const group = raw.trim();
      if (!group) return;
      const role = SSO_ROLES.find((r) => r === mapRole[i]);
      if (!role) context.addIssue({ code: "custom", path: ["mapRole"], message: `Choose a role for the group "${group}".` });
      else if (mapping.some((m) => m.group === group))
        context.addIssue({ code: "custom", path: ["mapGroup"], message: `The group "${group}" is mapped twice.` });
      else mapping.push({ group, role });
    });
    return { ...rest, mapping };
  });
export type SaveSsoInput = z.output<typeof saveSsoSchema>;

/** The address someone types to be sent to their organisation's provider. */
export const ssoSignInSchema = z.object({
  email: storableText("The e-mail address", "Enter your work e-mail address.")
    .transform((s) => s.trim().toLowerCase())
    .pipe(z.email("Enter your work e-mail address, such as you@example.com.")),
  next: signInSchema.shape.next,
});
