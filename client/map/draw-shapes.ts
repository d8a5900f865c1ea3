/** The shapes a founder can draw to pick Comuni: freehand lasso, polygon by clicks, rectangle. */
export const DRAW_SHAPES = ['lasso', 'polygon', 'rectangle'] as const;
export type DrawShape = (typeof DRAW_SHAPES)[number];
