import type { AppContext } from './context';

/**
 * What `npm start` prepares once the data is ready and the server listens, so that neither the
 * first visitor nor the first save waits for it: the territory tables, then at once the Comuni's
 * tile index (then their boxes) and the evaluation thread (started, its modules loaded, given the
 * tables). It holds nothing up: a request that comes first builds what it needs, shared with this.
 */
export async function warmUp(ctx: Pick<AppContext, 'tables' | 'tiles' | 'comuneBoxes' | 'evaluationThread'>): Promise<void> {
  const tables = await ctx.tables.get();
  await Promise.all([ctx.evaluationThread.warm(tables), ctx.tiles.comuni.get().then(() => ctx.comuneBoxes.get())]);
}
