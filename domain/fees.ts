/**
 * Cost sharing (programme ALI 2007, principle 6: the alliance pays its running costs from the
 * fees of the services it provides). Splits each service's annual cost among the members that
 * receive it, partly in equal shares and partly per resident, in whole cents that add up exactly.
 */

/** How a service's cost is split: `equalShare` of it in equal parts, the rest per resident. */
export interface FeeRule {
  /** Fraction 0..1 split in equal shares (taken to nine decimals); 1 − equalShare is split per resident. */
  equalShare: number;
}

/** Common fee rules. */
export const FEE_RULES = {
  perResident: { equalShare: 0 },
  equal: { equalShare: 1 },
  /** 30 % in equal shares, 70 % per resident. */
  mixed30: { equalShare: 0.3 },
} as const satisfies Record<string, FeeRule>;

export interface ServiceCost {
  code: string;
  /** Integer cents, ≥ 0. */
  annualCostCents: number;
  feeRule: FeeRule;
  /** Codes of the members that receive the service (each must be in the members list). */
  recipients: readonly string[];
}

export interface FeeMember {
  code: string;
  /** Residents; null or 0 pays no per-resident part. */
  population: number | null;
}

export type FeeNote = { it: string; en: string };

export interface ServiceFees {
  code: string;
  costCents: number;
  /** Fee of each recipient in cents, keyed by member code (ascending). */
  feesCents: Record<string, number>;
  /** Sum of `feesCents`: equals `costCents`, or 0 when nobody receives the service. */
  totalFeesCents: number;
  note?: FeeNote;
}

export interface FeeTable {
  services: ServiceFees[];
  /** Total fees of every member (0 for members that receive nothing), keyed by member code (ascending). */
  members: Record<string, number>;
  totals: { costsCents: number; feesCents: number };
}

export interface Sustainability {
  costsCents: number;
  feesCents: number;
  /** Contributions from outside the alliance (grants). */
  grantsCents: number;
  /** Fees and grants minus costs: negative when the alliance does not pay its way. */
  balanceCents: number;
  /** (Fees + grants) / costs; null when there are no costs. */
  ratio: number | null;
}

/** equalShare is read as an integer number of billionths, so 0.3 is exactly 3/10. */
const SHARE_SCALE = 1_000_000_000n;

/**
 * Computes every member's fee for every service. Each service's fees sum exactly to its cost:
 * exact rational shares are floored to cents and the leftover cents go one by one to the largest
 * fractional remainders, ties to the lower member code, so the result does not depend on input order.
 * Throws RangeError on invalid costs, fee rules or populations, Error on unknown or duplicate members.
 */
export function computeFees(services: readonly ServiceCost[], members: readonly FeeMember[]): FeeTable {
  const population = new Map<string, number>();
  for (const m of members) {
    if (population.has(m.code)) throw new Error(`Member ${m.code} is listed twice`);
    const p = m.population ?? 0;
    if (!Number.isSafeInteger(p) || p < 0) throw new RangeError(`Member ${m.code}: population must be a non-negative integer or null, got ${m.population}`);
    population.set(m.code, p);
  }
  const totals = new Map<string, number>([...population.keys()].map((code) => [code, 0]));

  const rows = services.map((service): ServiceFees => {
    const row = splitService(service, population);
    for (const [code, cents] of Object.entries(row.feesCents)) totals.set(code, (totals.get(code) ?? 0) + cents);
    return row;
  });

  return {
    services: rows,
    members: Object.fromEntries([...totals].sort((a, b) => compare(a[0], b[0]))),
    totals: {
      costsCents: rows.reduce((sum, r) => sum + r.costCents, 0),
      feesCents: rows.reduce((sum, r) => sum + r.totalFeesCents, 0),
    },
  };
}

function splitService(service: ServiceCost, population: ReadonlyMap<string, number>): ServiceFees {
  const { code, annualCostCents: cost, feeRule } = service;
  if (!Number.isSafeInteger(cost) || cost < 0) throw new RangeError(`Service ${code}: annualCostCents must be a non-negative integer, got ${cost}`);
  if (!Number.isFinite(feeRule.equalShare) || feeRule.equalShare < 0 || feeRule.equalShare > 1) {
    throw new RangeError(`Service ${code}: equalShare must be between 0 and 1, got ${feeRule.equalShare}`);
  }
  const recipients = [...new Set(service.recipients)].sort(compare);
  for (const r of recipients) if (!population.has(r)) throw new Error(`Service ${code}: recipient ${r} is not a member`);

  if (recipients.length === 0) {
    const note = cost > 0 ? { it: 'Nessun comune riceve il servizio: il costo non è coperto da quote.', en: 'No Comune receives this service: its cost is not covered by fees.' } : undefined;
    return { code, costCents: cost, feesCents: {}, totalFeesCents: 0, ...(note && { note }) };
  }

  const weights = recipients.map((r) => BigInt(population.get(r) ?? 0));
  const totalWeight = weights.reduce((a, b) => a + b, 0n);
  const perResidentFallback = totalWeight === 0n && feeRule.equalShare < 1;
  // Exact share of recipient i = cost × (e·P + (1 − e)·n·pᵢ) / (n·P), with e = eq / SHARE_SCALE.
  const eq = perResidentFallback ? SHARE_SCALE : BigInt(Math.round(feeRule.equalShare * Number(SHARE_SCALE)));
  const n = BigInt(recipients.length);
  const P = totalWeight === 0n ? 1n : totalWeight;
  const denominator = SHARE_SCALE * n * P;
  const C = BigInt(cost);

  const fees = new Array<number>(recipients.length);
  const remainders = new Array<bigint>(recipients.length);
  let assigned = 0;
  weights.forEach((p, i) => {
    const numerator = C * (eq * P + (SHARE_SCALE - eq) * n * p);
    fees[i] = Number(numerator / denominator);
    remainders[i] = numerator % denominator;
    assigned += fees[i] as number;
  });
  // Recipients are sorted by code, so a stable sort on the remainder breaks ties by code.
  const order = recipients.map((_, i) => i).sort((a, b) => {
    const ra = remainders[a] as bigint;
    const rb = remainders[b] as bigint;
    return ra > rb ? -1 : ra < rb ? 1 : 0;
  });
  const leftover = cost - assigned; // fewer than n: each remainder is under one cent
  for (let k = 0; k < leftover; k++) {
    const i = order[k] as number;
    fees[i] = (fees[i] as number) + 1;
  }

  const note = perResidentFallback
    ? { it: 'Nessun destinatario ha residenti noti: la quota per abitante è ripartita in parti uguali.', en: 'No recipient has known residents: the per-resident part is split in equal shares.' }
    : undefined;
  return {
    code,
    costCents: cost,
    feesCents: Object.fromEntries(recipients.map((r, i) => [r, fees[i] as number])),
    totalFeesCents: cost,
    ...(note && { note }),
  };
}

/**
 * Whether the fees (and grants from outside, in cents) cover the costs, optionally adding the
 * alliance's own running costs (cents).
 */
export function sustainability(table: FeeTable, extraRunningCostsCents = 0, grantsCents = 0): Sustainability {
  for (const [name, value] of [['extraRunningCostsCents', extraRunningCostsCents], ['grantsCents', grantsCents]] as const) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
  const costsCents = table.totals.costsCents + extraRunningCostsCents;
  const feesCents = table.totals.feesCents;
  const income = feesCents + grantsCents;
  return { costsCents, feesCents, grantsCents, balanceCents: income - costsCents, ratio: costsCents > 0 ? income / costsCents : null };
}

/** Formats cents as euros: 123456 → "1.234,56 €" (with a no-break space) in Italian. */
export function formatEuro(cents: number, locale = 'it-IT'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', useGrouping: 'always' }).format(cents / 100);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
