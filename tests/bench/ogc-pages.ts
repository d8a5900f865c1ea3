import { percentile } from './measure';

export interface OgcPageFigures {
  /** Bytes of the first page of associations asked with limit=1000, and its features. */
  firstPageBytes: number;
  firstPageFeatures: number;
  /** Median of 3 answers of that page, one at a time. */
  firstPageMs: number;
  /** Slowest of 40 health answers with nothing else running: this machine's floor. */
  healthMaxAlone: number;
  /** 3 clients at once, each following `next` through every association with limit=1000. */
  walkMs: number;
  walkPages: number;
  walkLargestPageBytes: number;
  walkFeaturesEach: number[];
  healthMaxUnderWalk: number;
  healthP99UnderWalk: number;
}

type Page = { features: unknown[]; links: { rel: string; href: string }[] };

async function healthOnce(base: string): Promise<number> {
  const s = performance.now();
  await (await fetch(`${base}/api/health`)).arrayBuffer();
  return performance.now() - s;
}

/** One client following `next` from the first page: its pages' sizes and the features it got. */
async function walk(base: string, first: string): Promise<{ pages: number[]; features: number }> {
  const pages: number[] = [];
  let features = 0;
  let next: string | undefined = `${base}${first}`;
  while (next) {
    const text = await (await fetch(next)).text();
    pages.push(Buffer.byteLength(text));
    const page = JSON.parse(text) as Page;
    features += page.features.length;
    next = page.links.find((l) => l.rel === 'next')?.href;
  }
  return { pages, features };
}

/**
 * Issue #23's page of associations: `limit=1000` asked alone (bytes, time), then by 3 clients at once
 * walking every page, with health asked every 20 ms throughout (its slowest answer).
 */
export async function benchOgcPages(base: string): Promise<OgcPageFigures> {
  const first = '/ogc/collections/associations/items?limit=1000&f=json';
  await (await fetch(`${base}${first}`)).arrayBuffer(); // warm
  const times: number[] = [];
  let bytes = 0;
  let features = 0;
  for (let i = 0; i < 3; i++) {
    const s = performance.now();
    const text = await (await fetch(`${base}${first}`)).text();
    times.push(performance.now() - s);
    bytes = Buffer.byteLength(text);
    features = (JSON.parse(text) as Page).features.length;
  }
  const alone: number[] = [];
  for (let i = 0; i < 40; i++) alone.push(await healthOnce(base));
  const started = performance.now();
  const walks = Promise.all([0, 1, 2].map(() => walk(base, first)));
  let settled = false;
  void walks.finally(() => (settled = true));
  const health: number[] = [];
  while (!settled) {
    health.push(await healthOnce(base));
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const done = await walks;
  return {
    firstPageBytes: bytes,
    firstPageFeatures: features,
    firstPageMs: [...times].sort((a, b) => a - b)[1]!,
    healthMaxAlone: Math.max(...alone),
    walkMs: performance.now() - started,
    walkPages: done[0]!.pages.length,
    walkLargestPageBytes: Math.max(...done.flatMap((d) => d.pages)),
    walkFeaturesEach: done.map((d) => d.features),
    healthMaxUnderWalk: Math.max(...health),
    healthP99UnderWalk: percentile(health, 99),
  };
}

// `npx tsx tests/bench/ogc-pages.ts http://127.0.0.1:PORT`: the figures against a running server.
if (process.argv[1]?.endsWith('ogc-pages.ts') && process.argv[2]) {
  void benchOgcPages(process.argv[2]).then((figures) => console.log(JSON.stringify(figures, null, 2)));
}
