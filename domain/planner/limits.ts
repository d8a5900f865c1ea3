/** The floor's allowed range and default (residents per alliance): AgID's efficiency size by default. */
export const MIN_FLOOR = 1_000;
export const MAX_FLOOR = 200_000;
export const DEFAULT_FLOOR = 20_000;
