// The evaluation thread: plain JavaScript that loads the TypeScript worker through tsx, so that the
// same file runs under `npm start` (already under tsx), the tests and the bench alike. See
// evaluation-thread.ts.
import { tsImport } from 'tsx/esm/api';

await tsImport('./evaluation-worker-main.ts', import.meta.url);
