import { describe, expect, it } from 'vitest';
import type { AllianceServiceInput } from '../../domain/alliance';
import { feeReport } from '../../domain/fee-report';

const names: Record<string, { it: string; en: string }> = {
  ced: { it: 'CED', en: 'Data centre' },
  gis: { it: 'GIS e catasto', en: 'GIS and cadastre' },
};
const serviceName = (code: string) => names[code];
const service = (code: string, annualCostCents: number, equalShare: number, more: Partial<AllianceServiceInput> = {}): AllianceServiceInput => ({
  code, provider: { kind: 'alliance' }, annualCostCents, equalShare, ...more,
});

describe('fee report', () => {
  it('splits each charge among its recipients, shows members in display order and counts grants as costs', () => {
    const report = feeReport({
      services: [
        service('ced', 100_000, 0.3),
        service('web', 9_000, 1, { chargedCents: 6_000, recipients: ['A', 'B'] }),
      ],
      members: [
        { code: 'C', name: 'Cuneo', population: 6000 },
        { code: 'A', name: 'Alba', population: 1000 },
        { code: 'B', name: 'Bra', population: 3000 },
      ],
      runningCostCents: 10_000,
      serviceName,
    });
    expect(report.services).toEqual([
      { code: 'ced', name: { it: 'CED', en: 'Data centre' }, annualCostCents: 100_000, chargedCents: 100_000, chargeBasis: 'cost', equalShare: 0.3, recipients: 3, grants: [], grantsCents: 0 },
      { code: 'web', name: { it: 'web', en: 'web' }, annualCostCents: 9_000, chargedCents: 6_000, chargeBasis: 'set', equalShare: 1, recipients: 2, grants: [], grantsCents: 0 },
    ]);
    // ced: 10,000 each in equal shares plus 70,000 per resident (1/10, 3/10, 6/10); web: 6,000 in two.
    expect(report.members).toEqual([
      { code: 'C', name: 'Cuneo', population: 6000, feesCents: { ced: 52_000, web: 0 }, totalCents: 52_000 },
      { code: 'A', name: 'Alba', population: 1000, feesCents: { ced: 17_000, web: 3_000 }, totalCents: 20_000 },
      { code: 'B', name: 'Bra', population: 3000, feesCents: { ced: 31_000, web: 3_000 }, totalCents: 34_000 },
    ]);
    expect(report.runningCostCents).toBe(10_000);
    // Costs: 106,000 charged + 3,000 not charged (a grant) + 10,000 running costs.
    expect(report.sustainability).toEqual({ costsCents: 119_000, feesCents: 106_000, grantsCents: 0, balanceCents: -13_000, ratio: 106_000 / 119_000 });
  });

  it('counts grants from outside as income: €300,000 charged and €150,000 granted of €450,000 is sustainable', () => {
    const granted = (grants: { source: string; amountCents: number }[]) =>
      feeReport({
        services: [service('ced', 450_000_00, 0.3, { chargedCents: 300_000_00, grants })],
        members: [{ code: 'A', name: 'Alba', population: 1000 }, { code: 'B', name: 'Bra', population: 3000 }],
        runningCostCents: 0,
        serviceName,
      });
    expect(granted([]).sustainability).toEqual({ costsCents: 450_000_00, feesCents: 300_000_00, grantsCents: 0, balanceCents: -150_000_00, ratio: 300_000 / 450_000 });
    const funded = granted([{ source: 'Regione Piemonte', amountCents: 100_000_00 }, { source: 'PNRR M1C1', amountCents: 50_000_00 }]);
    expect(funded.sustainability).toEqual({ costsCents: 450_000_00, feesCents: 300_000_00, grantsCents: 150_000_00, balanceCents: 0, ratio: 1 });
    expect(funded.services[0]).toMatchObject({ grantsCents: 150_000_00, grants: [{ source: 'Regione Piemonte', amountCents: 100_000_00 }, { source: 'PNRR M1C1', amountCents: 50_000_00 }] });
    // Members pay the charge, not the cost: the grants do not lower anyone's fee.
    expect(funded.members.map((m) => m.totalCents)).toEqual(granted([]).members.map((m) => m.totalCents));
  });

  it('charges nothing for a service fully covered by a grant, while still listing its recipients', () => {
    const report = feeReport({
      services: [service('pagopa', 1_200, 0, { chargedCents: 0 })],
      members: [{ code: 'A', name: 'Alba', population: 1000 }, { code: 'B', name: 'Bra', population: null }],
      runningCostCents: 0,
      serviceName,
    });
    expect(report.services[0]).toEqual({ code: 'pagopa', name: { it: 'pagopa', en: 'pagopa' }, annualCostCents: 1_200, chargedCents: 0, chargeBasis: 'set', equalShare: 0, recipients: 2, grants: [], grantsCents: 0 });
    expect(report.members.map((m) => m.totalCents)).toEqual([0, 0]);
    expect(report.sustainability).toEqual({ costsCents: 1_200, feesCents: 0, grantsCents: 0, balanceCents: -1_200, ratio: 0 });
  });

  it('does not count a charge above the cost as a negative cost, and notes a service nobody receives', () => {
    const report = feeReport({
      services: [
        service('gis', 2_000, 1, { chargedCents: 2_500 }),
        service('dpo-cyber', 500, 0, { recipients: [] }),
      ],
      members: [{ code: 'A', name: 'Alba', population: 1000 }, { code: 'B', name: 'Bra', population: 3000 }],
      runningCostCents: 0,
      serviceName,
    });
    expect(report.services[1]).toEqual({
      code: 'dpo-cyber',
      name: { it: 'dpo-cyber', en: 'dpo-cyber' },
      annualCostCents: 500,
      chargedCents: 500,
      chargeBasis: 'cost',
      equalShare: 0,
      recipients: 0,
      grants: [],
      grantsCents: 0,
      note: { it: 'Nessun comune riceve il servizio: il costo non è coperto da quote.', en: 'No Comune receives this service: its cost is not covered by fees.' },
    });
    expect(report.members).toEqual([
      { code: 'A', name: 'Alba', population: 1000, feesCents: { gis: 1_250, 'dpo-cyber': 0 }, totalCents: 1_250 },
      { code: 'B', name: 'Bra', population: 3000, feesCents: { gis: 1_250, 'dpo-cyber': 0 }, totalCents: 1_250 },
    ]);
    expect(report.sustainability).toEqual({ costsCents: 3_000, feesCents: 2_500, grantsCents: 0, balanceCents: -500, ratio: 2_500 / 3_000 });
  });

  it('gives an empty report for an alliance without services', () => {
    const report = feeReport({ services: [], members: [{ code: 'A', name: 'Alba', population: 1000 }], runningCostCents: 700, serviceName });
    expect(report).toEqual({
      services: [],
      members: [{ code: 'A', name: 'Alba', population: 1000, feesCents: {}, totalCents: 0 }],
      runningCostCents: 700,
      sustainability: { costsCents: 700, feesCents: 0, grantsCents: 0, balanceCents: -700, ratio: 0 },
    });
  });

  it('lowers every share by a grant when the charge is not set: the cost less the grants, split by the service’s rule, to the cent', () => {
    const members = [{ code: 'A', name: 'Alba', population: 1000 }, { code: 'B', name: 'Bra', population: 2000 }, { code: 'C', name: 'Cuneo', population: 3000 }];
    const report = (grants: AllianceServiceInput['grants']) => feeReport({ services: [service('ced', 30_000_01, 0.3, { grants })], members, runningCostCents: 0, serviceName });
    const without = report(null);
    const granted = report([{ source: 'Regione Piemonte', amountCents: 10_000_00 }]);
    expect(without.services[0]).toMatchObject({ chargedCents: 30_000_01, chargeBasis: 'cost' });
    expect(granted.services[0]).toMatchObject({ chargedCents: 20_000_01, chargeBasis: 'cost_less_grants', grantsCents: 10_000_00 });
    // 30 % of €20,000.01 in equal thirds, 70 % per resident (1/6, 2/6, 3/6); the odd cent to the largest remainder.
    expect(granted.members.map((m) => m.totalCents)).toEqual([433_334, 666_667, 900_000]);
    expect(granted.members.reduce((sum, m) => sum + m.totalCents, 0)).toBe(20_000_01);
    for (const [i, m] of granted.members.entries()) expect(m.totalCents).toBeLessThan(without.members[i]!.totalCents);
    // Not a surplus of €10,000: the grant pays for the service instead of the members.
    expect(granted.sustainability).toEqual({ costsCents: 30_000_01, feesCents: 20_000_01, grantsCents: 10_000_00, balanceCents: 0, ratio: 1 });
    // A grant above the cost leaves nothing to charge, never a negative charge.
    expect(report([{ source: 'PNRR', amountCents: 40_000_00 }]).services[0]).toMatchObject({ chargedCents: 0, chargeBasis: 'cost_less_grants' });
    // A charge the founder set stays as set, grants or not.
    const set = feeReport({ services: [service('ced', 30_000_01, 0.3, { chargedCents: 25_000_00, grants: [{ source: 'Regione', amountCents: 10_000_00 }] })], members, runningCostCents: 0, serviceName });
    expect(set.services[0]).toMatchObject({ chargedCents: 25_000_00, chargeBasis: 'set' });
  });
});
