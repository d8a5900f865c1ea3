/** Items a page holds unless `limit` says otherwise, and at most (a larger limit is lowered to it). */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;
