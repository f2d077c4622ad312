"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { ShownOnce } from "@/components/ui/shown-once";
import { field } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { API_SCOPES, scopeLabels, TOKEN_EXPIRY_CHOICES, type TokenExpiryChoice } from "@/lib/api-tokens";
import { API_TOKEN_NAME_MAX } from "@/lib/validation/limits";
import { createApiTokenAction } from "../actions";

const expiryLabels: Record<TokenExpiryChoice, string> = { "30": "30 days", "90": "90 days", "365": "A year", never: "Never" };

export function CreateTokenForm() {
  const [state, formAction] = useActionState(createApiTokenAction, null);
  const failed = state && !state.ok ? state : undefined;
  const scopesError = failed?.fieldErrors?.scopes?.[0];
  const expiryError = failed?.fieldErrors?.expiresIn?.[0];
  return (
    <div className="mt-3 space-y-4">
      <form action={formAction} className="space-y-4">
        <div className="max-w-md">
          <TextField
            name="name"
            id="token-name"
            label="Name"
            state={state}
            maxLength={API_TOKEN_NAME_MAX}
            hint="Say what will use it, e.g. “Grafana” or “Quarterly notebook”."
          />
        </div>
        <fieldset aria-describedby="token-scopes-message">
          <legend className={field.label}>Scopes</legend>
          <div className="mt-1 space-y-2">
            {API_SCOPES.map((scope) => (
              <label key={scope} className="flex min-h-11 items-start gap-3 sm:min-h-0">
                <input type="checkbox" name="scopes" value={scope} defaultChecked={scope === "read"} className="mt-1 size-5 sm:size-4" />
                <span>
                  <code className="text-sm">{scope}</code> <span className="text-stone-700">· {scopeLabels[scope]}</span>
                </span>
              </label>
            ))}
          </div>
          <p id="token-scopes-message" className={scopesError ? field.error : "sr-only"}>
            {scopesError ?? ""}
          </p>
        </fieldset>
        <fieldset aria-describedby="token-expiry-message">
          <legend className={field.label}>Expires after</legend>
          <div className="mt-1 flex flex-wrap gap-x-5 gap-y-2">
            {TOKEN_EXPIRY_CHOICES.map((choice) => (
              <label key={choice} className="flex min-h-11 items-center gap-2 sm:min-h-0">
                <input
                  type="radio"
                  name="expiresIn"
                  value={choice}
                  defaultChecked={(failed?.values?.expiresIn ?? "90") === choice}
                  className="size-5 sm:size-4"
                />
                {expiryLabels[choice]}
              </label>
            ))}
          </div>
          <p id="token-expiry-message" className={expiryError ? field.error : "sr-only"}>
            {expiryError ?? ""}
          </p>
        </fieldset>
        <SubmitButton pendingText="Creating token…">Create token</SubmitButton>
      </form>
      <FormMessage state={state} />
      {state?.ok && (
        <ShownOnce
          key={state.data.token}
          id="new-token"
          label={`The token “${state.data.name}”`}
          hint="Copy it now and keep it somewhere safe: you will not see it again. Stave keeps only a fingerprint of it."
          value={state.data.token}
          copyLabel="Copy token"
        />
      )}
    </div>
  );
}
