/** The alliance planner: pure, the same in the browser's Worker and on the server. */
export { planAlliances } from './plan';
export { validatePlanInput } from './validate';
export { DEFAULT_FLOOR, MAX_FLOOR, MIN_FLOOR } from './limits';
export type * from './types';
