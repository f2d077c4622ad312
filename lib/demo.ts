import type { Role } from "./permissions";

/** Shown on screen and printed by the seed: demo data is for exploring, never for real use. */
export const DEMO_PASSWORD = "explore-the-barrel";

/** Demo sign-ins have addresses at this domain, and only these can be signed in with one click. */
export const DEMO_EMAIL_DOMAIN = "demo.example";

/** One demo account: its role, and for the member the team they answer for. */
export type DemoSignIn = { role: Role; name: string; email: string; team: string | null };
