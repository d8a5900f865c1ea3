// The planner's worker thread: plain JavaScript that loads the TypeScript worker through tsx, so
// that the same file runs under `npm start` (already under tsx), the tests and the bench alike.
// See plan-pool.ts for the HTTP side.
import { tsImport } from 'tsx/esm/api';

await tsImport('./plan-worker-main.ts', import.meta.url);
