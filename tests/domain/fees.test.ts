import { describe, expect, it } from 'vitest';
import { FEE_RULES, computeFees, formatEuro, sustainability, type FeeMember, type ServiceCost } from '../../domain/fees';

const member = (code: string, population: number | null): FeeMember => ({ code, population });
const service = (code: string, annualCostCents: number, equalShare: number, recipients: string[]): ServiceCost => ({
  code, annualCostCents, feeRule: { equalShare }, recipients,
});
const three = [member('A', 1000), member('B', 3000), member('C', 6000)];

/** mulberry32: a small seeded PRNG, so the random cases are the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

describe('fee computation', () => {
  it('splits 30 % in equal shares and 70 % per resident', () => {
    const table = computeFees([service('ced', 100_000, FEE_RULES.mixed30.equalShare, ['A', 'B', 'C'])], three);
    // Equal part 30,000 / 3 = 10,000 each; per resident 70,000 × 1/10, 3/10, 6/10.
    expect(table.services[0]?.feesCents).toEqual({ A: 17_000, B: 31_000, C: 52_000 });
    expect(table.services[0]?.note).toBeUndefined();
    expect(table.totals).toEqual({ costsCents: 100_000, feesCents: 100_000 });
  });

  it('splits in equal shares, giving leftover cents to the lowest codes on ties', () => {
    const table = computeFees([service('web', 100, 1, ['C', 'A', 'B'])], three);
    expect(table.services[0]?.feesCents).toEqual({ A: 34, B: 33, C: 33 });
  });

  it('splits per resident, giving leftover cents to the largest remainders', () => {
    const table = computeFees([service('gis', 10, 0, ['A', 'B'])], [member('A', 1), member('B', 2)]);
    // Exact 3.33 and 6.67: the cent goes to B.
    expect(table.services[0]?.feesCents).toEqual({ A: 3, B: 7 });
    const big = computeFees([service('gis', 1_000_000, FEE_RULES.perResident.equalShare, ['A', 'B', 'C'])], three);
    expect(big.services[0]?.feesCents).toEqual({ A: 100_000, B: 300_000, C: 600_000 });
  });

  it('charges no per-resident part to members without residents', () => {
    const members = [member('A', null), member('B', 100), member('C', 0)];
    const table = computeFees([service('suap', 900, 0.5, ['A', 'B', 'C'])], members);
    expect(table.services[0]?.feesCents).toEqual({ A: 150, B: 600, C: 150 });
  });

  it('falls back to equal shares, with a note, when no recipient has known residents', () => {
    const table = computeFees([service('suap', 1000, 0, ['A', 'B'])], [member('A', null), member('B', 0)]);
    expect(table.services[0]?.feesCents).toEqual({ A: 500, B: 500 });
    expect(table.services[0]?.note?.it).toContain('parti uguali');
    expect(table.services[0]?.note?.en).toContain('equal shares');
  });

  it('makes a single recipient pay the whole cost', () => {
    const table = computeFees([service('cuc', 123_457, 0.3, ['B'])], three);
    expect(table.services[0]?.feesCents).toEqual({ B: 123_457 });
    expect(table.members).toEqual({ A: 0, B: 123_457, C: 0 });
  });

  it('charges only the recipients of each service and adds up members across services', () => {
    const table = computeFees([service('ced', 1000, 1, ['A', 'C']), service('web', 3000, 1, ['A', 'B', 'C'])], three);
    expect(table.services[0]?.feesCents).toEqual({ A: 500, C: 500 });
    expect(table.members).toEqual({ A: 1500, B: 1000, C: 1500 });
    expect(table.totals).toEqual({ costsCents: 4000, feesCents: 4000 });
  });

  it('does not depend on the order of members and recipients', () => {
    const a = computeFees([service('ced', 1001, 0.3, ['A', 'B', 'C'])], three);
    const b = computeFees([service('ced', 1001, 0.3, ['C', 'B', 'A', 'B'])], [...three].reverse());
    expect(b).toEqual(a);
  });

  it('leaves a service with no recipients unfunded, with a note', () => {
    const table = computeFees([service('dpo-cyber', 50_000, 1, [])], three);
    expect(table.services[0]).toMatchObject({ costCents: 50_000, totalFeesCents: 0, feesCents: {} });
    expect(table.services[0]?.note?.en).toContain('not covered');
    expect(sustainability(table)).toEqual({ costsCents: 50_000, feesCents: 0, grantsCents: 0, balanceCents: -50_000, ratio: 0 });
  });

  it('rejects unknown recipients, duplicate members and invalid costs or rules', () => {
    expect(() => computeFees([service('ced', 100, 1, ['Z'])], three)).toThrow('recipient Z is not a member');
    expect(() => computeFees([], [member('A', 1), member('A', 2)])).toThrow('listed twice');
    expect(() => computeFees([service('ced', 10.5, 1, ['A'])], three)).toThrow(RangeError);
    expect(() => computeFees([service('ced', -1, 1, ['A'])], three)).toThrow(/non-negative integer/);
    expect(() => computeFees([service('ced', 100, 1.5, ['A'])], three)).toThrow(/equalShare must be between 0 and 1/);
    expect(() => computeFees([service('ced', 100, Number.NaN, ['A'])], three)).toThrow(RangeError);
    expect(() => computeFees([], [member('A', -3)])).toThrow(RangeError);
  });

  it('always sums each service exactly to its cost, within one cent of the exact share (random cases)', () => {
    const random = prng(20070116);
    for (let round = 0; round < 400; round++) {
      const size = 1 + Math.floor(random() * 12);
      const members = Array.from({ length: size }, (_, i) => {
        const r = random();
        return member(`M${String(i).padStart(2, '0')}`, r < 0.1 ? null : r < 0.2 ? 0 : Math.floor(random() * 200_000));
      });
      const recipients = members.filter(() => random() < 0.7).map((m) => m.code);
      const cost = Math.floor(random() * 10 ** (1 + Math.floor(random() * 10)));
      const equalShare = [0, 1, 0.3, random()][Math.floor(random() * 4)] as number;
      const services = [service('s', cost, equalShare, recipients)];
      const table = computeFees(services, members);
      const row = table.services[0];
      const fees = Object.values(row?.feesCents ?? {});
      expect(fees.reduce((a, b) => a + b, 0)).toBe(recipients.length > 0 ? cost : 0);
      expect(fees.every((f) => Number.isInteger(f) && f >= 0)).toBe(true);

      const pop = (code: string) => members.find((m) => m.code === code)?.population ?? 0;
      const total = recipients.reduce((s, c) => s + pop(c), 0);
      for (const code of recipients) {
        const exact = total > 0 ? cost * (equalShare / recipients.length + ((1 - equalShare) * pop(code)) / total) : cost / recipients.length;
        expect(Math.abs((row?.feesCents[code] ?? -1) - exact)).toBeLessThan(1 + 1e-6 * cost);
      }
      expect(computeFees([service('s', cost, equalShare, shuffle(recipients, random))], shuffle(members, random))).toEqual(table);
    }
  });
});

describe('sustainability and formatting', () => {
  it('compares fees with costs, including the alliance running costs', () => {
    const table = computeFees([service('ced', 100_000, 1, ['A', 'B'])], three);
    expect(sustainability(table)).toEqual({ costsCents: 100_000, feesCents: 100_000, grantsCents: 0, balanceCents: 0, ratio: 1 });
    expect(sustainability(table, 25_000)).toEqual({ costsCents: 125_000, feesCents: 100_000, grantsCents: 0, balanceCents: -25_000, ratio: 0.8 });
    expect(sustainability(computeFees([], three)).ratio).toBeNull();
    expect(() => sustainability(table, -1)).toThrow(RangeError);
    expect(sustainability(table, 25_000, 25_000)).toEqual({ costsCents: 125_000, feesCents: 100_000, grantsCents: 25_000, balanceCents: 0, ratio: 1 });
    expect(() => sustainability(table, 0, -1)).toThrow('grantsCents must be a non-negative integer, got -1');
  });

  it('formats cents as euros in Italian', () => {
    const plain = (s: string) => s.replace(/\s/g, ' ');
    expect(plain(formatEuro(123_456))).toBe('1.234,56 €');
    expect(plain(formatEuro(5))).toBe('0,05 €');
    expect(plain(formatEuro(100_000_000))).toBe('1.000.000,00 €');
    expect(formatEuro(123_456, 'en-GB')).toBe('€1,234.56');
  });
});

describe('fee computation, details', () => {
  it('gives the leftover cent to the largest fractional remainder, not to the largest fee', () => {
    // Exact 2.9 and 7.1: the cent goes to A.
    const table = computeFees([service('gis', 10, 0, ['B', 'A'])], [member('A', 29), member('B', 71)]);
    expect(table.services[0]?.feesCents).toEqual({ A: 3, B: 7 });
  });

  it('lists member totals by ascending code', () => {
    const table = computeFees([service('web', 300, 1, ['C', 'A', 'B'])], [member('C', 1), member('A', 1), member('B', 1)]);
    expect(Object.keys(table.members)).toEqual(['A', 'B', 'C']);
    expect(Object.keys(table.services[0]!.feesCents)).toEqual(['A', 'B', 'C']);
  });

  it('splits equal shares without a note when no recipient has residents', () => {
    const table = computeFees([service('web', 1000, 1, ['A', 'B'])], [member('A', null), member('B', 0)]);
    expect(table.services[0]).toEqual({ code: 'web', costCents: 1000, feesCents: { A: 500, B: 500 }, totalFeesCents: 1000 });
  });

  it('adds no note to a free service that nobody receives', () => {
    const table = computeFees([service('web', 0, 1, [])], three);
    expect(table.services[0]).toEqual({ code: 'web', costCents: 0, feesCents: {}, totalFeesCents: 0 });
  });

  it('explains invalid input in its error messages', () => {
    expect(() => computeFees([], [member('A', -3)])).toThrow('Member A: population must be a non-negative integer or null, got -3');
    expect(() => computeFees([], [member('A', 1.5)])).toThrow('Member A: population must be a non-negative integer or null, got 1.5');
    expect(() => computeFees([service('ced', 100, -0.5, ['A'])], three)).toThrow('Service ced: equalShare must be between 0 and 1, got -0.5');
    expect(() => computeFees([service('ced', 100, Infinity, ['A'])], three)).toThrow('Service ced: equalShare must be between 0 and 1, got Infinity');
    expect(() => computeFees([service('ced', -1, 1, ['A'])], three)).toThrow('Service ced: annualCostCents must be a non-negative integer, got -1');
    expect(() => sustainability(computeFees([], three), -1)).toThrow('extraRunningCostsCents must be a non-negative integer, got -1');
    expect(() => sustainability(computeFees([], three), 0.5)).toThrow(RangeError);
  });
});
