/** Shown on screen and printed by the seed: demo data is for exploring, never for real use. */
export const DEMO_PASSWORD = "explore-the-barrel";
