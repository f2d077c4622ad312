// Distinct hues for area lines; the weakest-stave orange and the water blue are kept apart from them.
const palette = ["#6d28d9", "#047857", "#a16207", "#be185d", "#0e7490", "#4d7c0f", "#4338ca", "#9f1239"];

export const areaColour = (index: number) => palette[index % palette.length]!;
export const WATER_COLOUR = "#145e88";
export const WEAK_COLOUR = "#c2410c";
/** A target reached and missed: green and amber dark enough for text on white, told apart by ✓ and ✕ as well. */
export const REACHED_COLOUR = "#166534";
export const MISSED_COLOUR = "#92400e";
