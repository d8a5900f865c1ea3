import { randomIndex, shuffle, type Random } from './random';

/** How a growing region picks its next neighbour. */
export const Pick = {
  /** The least populous neighbour: regions stop just above the floor, leaving more for others. */
  Smallest: 0,
  /** The neighbour with most borders into the region (compact shapes), then the least populous. */
  MostLinked: 1,
  /** Any neighbour. */
  Any: 2,
  /** The least populous neighbour that brings the region to the floor, if one does; else the least populous. */
  BestFit: 3,
} as const;
export type Pick = (typeof Pick)[keyof typeof Pick];

/**
 * The construction phase of max-p regionalisation (Duque, Anselin & Rey 2012, "The max-p-regions problem",
 * Journal of Regional Science 52(3); as refined by Wei, Rey & Knaap 2021, "Efficient regionalization for
 * spatially explicit neighborhood delineation", IJGIS 35(1)): nodes that reach the floor alone are regions of
 * their own; then regions grow from seeds taken in random order, one neighbour at a time, until they reach
 * the floor; a seed that cannot reach it leaves its nodes as enclaves; finally each enclave joins a
 * neighbouring region (the one it shares most borders with, then the smallest), which keeps every region
 * contiguous and above the floor.
 */
export class Grower {
  private readonly zoneStamp: Int32Array;
  private readonly ownerStamp: Int32Array;
  private readonly owner: Int32Array;
  private readonly enclaveStamp: Int32Array;
  private readonly frontStamp: Int32Array;
  private readonly links: Int32Array;
  private epoch = 0;
  private frontEpoch = 0;

  constructor(
    private readonly adj: readonly (readonly number[])[],
    private readonly pop: Float64Array,
    private readonly floor: number,
  ) {
    const n = adj.length;
    this.zoneStamp = new Int32Array(n);
    this.ownerStamp = new Int32Array(n);
    this.owner = new Int32Array(n);
    this.enclaveStamp = new Int32Array(n);
    this.frontStamp = new Int32Array(n);
    this.links = new Int32Array(n);
  }

  /**
   * Partitions a zone (a set of nodes) into regions that each reach the floor. Nodes of a connected zone
   * are all placed when the zone reaches the floor; otherwise the unplaced ones are simply left out.
   */
  grow(zone: readonly number[], random: Random, pick: Pick, peripheryFirst: boolean): number[][] {
    const e = ++this.epoch;
    const { adj, pop, floor } = this;
    for (const v of zone) this.zoneStamp[v] = e;
    const regions: number[][] = [];
    const regionPop: number[] = [];
    const free = (v: number) => this.zoneStamp[v] === e && this.ownerStamp[v] !== e;
    const place = (v: number, r: number) => {
      this.owner[v] = r;
      this.ownerStamp[v] = e;
    };

    const seeds: number[] = [];
    for (const v of zone) {
      if ((pop[v] as number) >= floor) {
        place(v, regions.length);
        regions.push([v]);
        regionPop.push(pop[v] as number);
      } else seeds.push(v);
    }
    shuffle(seeds, random);
    if (peripheryFirst) seeds.sort((a, b) => (adj[a] as number[]).length - (adj[b] as number[]).length);

    for (const seed of seeds) {
      if (!free(seed) || this.enclaveStamp[seed] === e) continue;
      const r = regions.length;
      const region = [seed];
      let total = pop[seed] as number;
      place(seed, r);
      const fe = ++this.frontEpoch;
      const frontier: number[] = [];
      const reach = (v: number) => {
        for (const w of adj[v] as number[]) {
          if (!free(w)) continue;
          if (this.frontStamp[w] !== fe) {
            this.frontStamp[w] = fe;
            this.links[w] = 1;
            frontier.push(w);
          } else this.links[w] = (this.links[w] as number) + 1;
        }
      };
      reach(seed);
      while (total < floor && frontier.length > 0) {
        const i = this.choose(frontier, pick, random, floor - total);
        const v = frontier[i] as number;
        frontier[i] = frontier[frontier.length - 1] as number;
        frontier.pop();
        region.push(v);
        place(v, r);
        total += pop[v] as number;
        reach(v);
      }
      if (total >= floor) {
        regions.push(region);
        regionPop.push(total);
      } else {
        for (const v of region) {
          this.ownerStamp[v] = 0;
          this.enclaveStamp[v] = e;
        }
      }
    }

    let pending = zone.filter(free);
    while (pending.length > 0) {
      const waiting: number[] = [];
      for (const v of pending) {
        const r = this.bestNeighbourRegion(v, regionPop, e);
        if (r < 0) waiting.push(v);
        else {
          place(v, r);
          (regions[r] as number[]).push(v);
          regionPop[r] = (regionPop[r] as number) + (pop[v] as number);
        }
      }
      if (waiting.length === pending.length) break;
      pending = waiting;
    }
    return regions;
  }

  private choose(frontier: readonly number[], pick: Pick, random: Random, missing: number): number {
    if (pick === Pick.Any) return randomIndex(random, frontier.length);
    if (pick === Pick.BestFit) {
      let fit = -1;
      for (let i = 0; i < frontier.length; i++) {
        const p = this.pop[frontier[i] as number] as number;
        if (p >= missing && (fit < 0 || p < (this.pop[frontier[fit] as number] as number))) fit = i;
      }
      if (fit >= 0) return fit;
    }
    let best = 0;
    for (let i = 1; i < frontier.length; i++) {
      const v = frontier[i] as number;
      const b = frontier[best] as number;
      const dp = (this.pop[v] as number) - (this.pop[b] as number);
      const better = pick !== Pick.MostLinked ? dp < 0 : (this.links[v] as number) > (this.links[b] as number) || ((this.links[v] as number) === (this.links[b] as number) && dp < 0);
      if (better) best = i;
    }
    return best;
  }

  /** The placed neighbouring region an enclave shares most borders with, then the smallest; −1 when none. */
  private bestNeighbourRegion(v: number, regionPop: readonly number[], e: number): number {
    let best = -1;
    let bestLinks = 0;
    const counts = new Map<number, number>();
    for (const w of this.adj[v] as number[]) {
      if (this.ownerStamp[w] !== e) continue;
      const r = this.owner[w] as number;
      const links = (counts.get(r) ?? 0) + 1;
      counts.set(r, links);
      if (links > bestLinks || (links === bestLinks && (regionPop[r] as number) < (regionPop[best] as number))) {
        best = r;
        bestLinks = links;
      }
    }
    return best;
  }
}
