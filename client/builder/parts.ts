/** Colours of the separate parts of a selection (Okabe–Ito, colour-blind safe). */
export const PART_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
