import { roleLabels, type Role } from "@/lib/permissions";

/** The `<option>`s of a role picker, in order of power. */
export function RoleOptions({ roles }: { roles: Role[] }) {
  return roles.map((r) => (
    <option key={r} value={r}>
      {roleLabels[r]}
    </option>
  ));
}
