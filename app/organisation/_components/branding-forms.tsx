"use client";

import { useActionState, useState } from "react";
import { control, Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { LOGO_RULE, LOGO_TYPES, MAX_LOGO_BYTES } from "@/lib/logo";
import { ORGANISATION_NAME_MAX } from "@/lib/validation/limits";
import { removeLogoAction, renameOrganisationAction, uploadLogoAction } from "../actions";

export function RenameOrganisationForm({ name }: { name: string }) {
  const [state, formAction] = useActionState(renameOrganisationAction, null);
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <TextField
        name="name"
        label="Organisation name"
        defaultValue={name}
        maxLength={ORGANISATION_NAME_MAX}
        state={state}
        hint="Shown to every member and at the top of every report."
      />
      <FormMessage state={state} />
      {state?.ok && (
        <p role="status" className="text-sm text-green-800">
          Saved.
        </p>
      )}
      <SubmitButton pendingText="Saving…">Save the name</SubmitButton>
    </form>
  );
}

export function UploadLogoForm() {
  const [state, formAction] = useActionState(uploadLogoAction, null);
  // A file over the limit is refused here already: sent, it would cost the upload only to be refused.
  const [tooBig, setTooBig] = useState<string | null>(null);
  const error = tooBig ?? (state && !state.ok ? (state.fieldErrors?.logo?.[0] ?? state.error) : undefined);
  return (
    <form
      action={formAction}
      className="space-y-3"
      onSubmit={(e) => {
        if (tooBig) e.preventDefault();
      }}
    >
      <Field id="field-logo" label="Logo file" error={error} hint={LOGO_RULE} alert>
        <input
          {...control("field-logo", error)}
          name="logo"
          type="file"
          accept={LOGO_TYPES.join(",")}
          className="mt-1 block w-full text-sm text-stone-800 file:mr-3 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:py-2 file:font-semibold"
          onChange={(e) => {
            const file = e.target.files?.[0];
            setTooBig(
              file && file.size > MAX_LOGO_BYTES
                ? `This file is ${Math.ceil(file.size / 1024)} KB; a logo may be at most ${MAX_LOGO_BYTES / 1024} KB. Save it smaller and try again.`
                : null,
            );
          }}
        />
      </Field>
      {state?.ok && (
        <p role="status" className="text-sm text-green-800">
          The logo is saved.
        </p>
      )}
      <SubmitButton pendingText="Uploading…">Upload the logo</SubmitButton>
    </form>
  );
}

export function RemoveLogoForm() {
  const [state, formAction] = useActionState(removeLogoAction, null);
  return (
    <form action={formAction}>
      <FormMessage state={state} />
      <SubmitButton variant="secondary" pendingText="Removing…">
        Remove the logo
      </SubmitButton>
    </form>
  );
}
