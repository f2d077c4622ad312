"use client";

import { useActionState } from "react";
import { control, Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { field } from "@/components/ui/styles";
import { SSO_MAPPING_ROWS } from "@/lib/validation/sso";
import type { SsoRole } from "@/lib/sso/mapping";
import { saveSsoAction } from "../actions";

type Form = {
  issuer: string;
  clientId: string;
  hasSecret: boolean;
  domains: string;
  groupsClaim: string;
  defaultRole: SsoRole;
  mapping: { group: string; role: SsoRole }[];
  passwordSignInOff: boolean;
};

/** The owner's single sign-on settings. The client secret is never sent back: an empty field keeps the saved one. */
export function SsoForm({ form, roles }: { form: Form; roles: { role: SsoRole; label: string }[] }) {
  const [state, formAction] = useActionState(saveSsoAction, null);
  const error = (name: string) => (state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined);
  const sent = state && !state.ok ? state.values : undefined;
  const rows = Array.from({ length: SSO_MAPPING_ROWS }, (_, i) => form.mapping[i] ?? { group: "", role: form.defaultRole });
  const roleOptions = roles.map((r) => (
    <option key={r.role} value={r.role}>
      {r.label}
    </option>
  ));
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <TextField
        name="issuer"
        label="Issuer URL"
        type="url"
        defaultValue={form.issuer}
        state={state}
        hint="Such as https://login.example.com. Stave reads its discovery document when you save."
      />
      <TextField name="clientId" label="Client ID" defaultValue={form.clientId} state={state} />
      <TextField
        name="clientSecret"
        label="Client secret"
        type="password"
        autoComplete="off"
        state={state}
        hint={form.hasSecret ? "A secret is saved and never shown again. Leave this empty to keep it." : "Kept by Stave and never shown again after saving."}
      />
      <TextField
        name="domains"
        label="Allowed e-mail domains"
        defaultValue={form.domains}
        state={state}
        hint="Comma-separated, such as example.com, example.org. A domain can belong to one organisation only."
      />
      <TextField name="groupsClaim" label="Claim that carries groups" defaultValue={form.groupsClaim} state={state} />
      <fieldset className="space-y-3" aria-describedby="mapping-hint">
        <legend className={field.label}>Group → role</legend>
        <p id="mapping-hint" className={field.hint}>
          Someone in several mapped groups gets the strongest role. Owners keep their role; everyone else’s follows their groups at each sign-in.
        </p>
        {rows.map((row, i) => (
          <div key={i} className="grid grid-cols-1 gap-2 sm:grid-cols-2">
            <Field id={`field-mapGroup-${i}`} label={`Group value ${i + 1}`}>
              <input {...control(`field-mapGroup-${i}`)} name="mapGroup" defaultValue={row.group} className={field.input} />
            </Field>
            <Field id={`field-mapRole-${i}`} label={`Role for group ${i + 1}`}>
              <select {...control(`field-mapRole-${i}`)} name="mapRole" defaultValue={row.role} className={field.input}>
                {roleOptions}
              </select>
            </Field>
          </div>
        ))}
        {(error("mapGroup") ?? error("mapRole")) && <p className={field.error}>{error("mapGroup") ?? error("mapRole")}</p>}
      </fieldset>
      <Field id="field-defaultRole" label="Role for people in none of these groups" error={error("defaultRole")}>
        <select
          {...control("field-defaultRole", error("defaultRole"))}
          name="defaultRole"
          defaultValue={sent?.defaultRole ?? form.defaultRole}
          className={field.input}
        >
          {roleOptions}
        </select>
      </Field>
      <label className="flex items-start gap-2">
        <input type="checkbox" name="passwordSignInOff" defaultChecked={form.passwordSignInOff} className="mt-1 size-5 sm:size-4" />
        <span>
          <span className="font-medium text-stone-900">Password sign-in off for these domains</span>
          <span className="block text-sm text-stone-600">People of these domains can then sign in only through single sign-on.</span>
        </span>
      </label>
      <FormMessage state={state} />
      {state?.ok && (
        <p role="status" className="text-sm text-green-800">
          Saved. People of {state.data.domains.join(", ")} can sign in through your provider.
        </p>
      )}
      <SubmitButton pendingText="Checking the provider…">Save single sign-on</SubmitButton>
    </form>
  );
}
