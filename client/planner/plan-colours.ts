/**
 * Colours for a plan's alliances: a categorical palette safe for the common forms of colour blindness
 * (Okabe & Ito 2008, without black), assigned by greedy graph colouring over the alliances' borders
 * (largest degree first, Welsh & Powell 1967) so that two bordering alliances never share a colour while
 * the palette lasts; past that, the colour fewest neighbours use. Among the allowed colours the one used
 * least so far is taken, so that the whole palette shows (alliances apart but near read apart too).
 */
export const PLAN_PALETTE = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#999999'] as const;

/** Which alliances border which (by index), from their members and the border graph. */
export function allianceBorders(alliances: readonly (readonly string[])[], neighbours: (code: string) => readonly string[]): Set<number>[] {
  const owner = new Map<string, number>();
  alliances.forEach((members, i) => members.forEach((c) => owner.set(c, i)));
  return alliances.map((members, i) => {
    const near = new Set<number>();
    for (const c of members) {
      for (const n of neighbours(c)) {
        const j = owner.get(n);
        if (j !== undefined && j !== i) near.add(j);
      }
    }
    return near;
  });
}

/** A palette index for each alliance; bordering alliances differ whenever the palette allows. */
export function colourAlliances(borders: readonly ReadonlySet<number>[], paletteSize: number = PLAN_PALETTE.length): number[] {
  const colour = borders.map(() => -1);
  const uses = new Array<number>(paletteSize).fill(0);
  const order = borders.map((_, i) => i).sort((a, b) => (borders[b]?.size ?? 0) - (borders[a]?.size ?? 0) || a - b);
  for (const i of order) {
    const used = new Array<number>(paletteSize).fill(0);
    for (const j of borders[i] ?? []) {
      const c = colour[j] as number;
      if (c >= 0) used[c] = (used[c] ?? 0) + 1;
    }
    let best = 0;
    for (let c = 1; c < paletteSize; c++) {
      const fewer = (used[c] ?? 0) - (used[best] ?? 0);
      if (fewer < 0 || (fewer === 0 && (uses[c] ?? 0) < (uses[best] ?? 0))) best = c;
    }
    colour[i] = best;
    uses[best] = (uses[best] ?? 0) + 1;
  }
  return colour;
}
