// Limits the forms show and the schemas enforce. Kept apart from the schemas so a client form can
// import a number without shipping zod to the browser.
export const TEAM_NAME_MAX = 60;
export const ORGANISATION_NAME_MAX = 80;
export const PERSON_NAME_MAX = 80;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
