import type { AppContext } from './context';

/**
 * What `npm start` prepares once the data is ready and the server listens, so that neither the
 * first visitor nor the first save waits for it: the territory tables, then at once the Comuni's
 * tiles (then their boxes) and the evaluation thread (started, its modules loaded, given the
 * tables). The tiles' archives are written on a first start or a new data version (tens of
 * seconds, tiles served meanwhile), so that once warm no tile index is held. It holds nothing up:
 * a request that comes first builds what it needs, shared with this.
 */
export async function warmUp(ctx: Pick<AppContext, 'tables' | 'tiles' | 'comuneBoxes' | 'evaluationThread'>): Promise<void> {
  const tables = await ctx.tables.get();
  const tiles = async () => {
    await ctx.tiles.comuni.get();
    for (const tileset of Object.values(ctx.tiles)) await tileset.ready?.();
    await ctx.comuneBoxes.get();
  };
  await Promise.all([ctx.evaluationThread.warm(tables), tiles()]);
}
