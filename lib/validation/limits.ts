// Limits the forms show and the schemas enforce. Kept apart from the schemas so a client form can
// import a number without shipping zod to the browser.
export const TEAM_NAME_MAX = 60;
export const ORGANISATION_NAME_MAX = 80;
export const PERSON_NAME_MAX = 80;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
export const ACTION_TITLE_MAX = 120;
export const ACTION_DESCRIPTION_MAX = 1000;
export const ANNOTATION_MAX = 140;
export const API_TOKEN_NAME_MAX = 60;
export const WEBHOOK_URL_MAX = 2000;
export const WEBHOOK_DESCRIPTION_MAX = 120;
/** Endpoints one organisation may register. */
export const WEBHOOK_ENDPOINTS_MAX = 20;
