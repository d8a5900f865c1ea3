/**
 * How the deck.gl overlays look, kept apart from deck.gl (which loads on demand) so that the legend
 * can draw the same keys: population circles and links to the service hubs.
 */
export type Rgba = [number, number, number, number];

/** Circles in Okabe–Ito vermilion, apart from the blue population themes they are drawn over. */
export const CIRCLE_FILL: Rgba = [213, 94, 0, 70];
export const CIRCLE_LINE: Rgba = [140, 55, 0, 220];

/** A Comune's circle, in screen pixels: its area proportional to the residents, the same at every zoom. */
export const circleRadiusPx = (population: number): number => Math.max(1.5, Math.sqrt(Math.max(0, population)) * 0.06);

/** Residents shown in the circles' size key. */
export const CIRCLE_KEY = [5_000, 50_000, 500_000] as const;

/** Links by the Comune's inner-area class (B … F), Okabe–Ito from orange to dark blue; hubs (A) have none. */
export const HUB_LINK_COLOURS: Record<string, Rgba> = {
  B: [230, 159, 0, 230],
  C: [213, 94, 0, 230],
  D: [204, 121, 167, 230],
  E: [0, 114, 178, 230],
  F: [0, 0, 0, 230],
};

/** Below this zoom the links are a tangle: they are drawn from it on. */
export const HUB_LINKS_MIN_ZOOM = 7;

export const rgbaCss = ([r, g, b, a]: Rgba) => `rgba(${r}, ${g}, ${b}, ${(a / 255).toFixed(2)})`;
