import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN_PARAMS, readPlanParams, writePlanParams } from '../../client/planner/plan-url';

describe('a plan in the URL', () => {
  it('round-trips floor, rule, seed and hand-picked Comuni', () => {
    const params = { minPopulation: 5000, keepAssociations: 'hard' as const, seed: 123, codes: ['001001', '001002', '004078'] };
    expect(writePlanParams(params)).toMatch(/^5000-hard-123-[0-9a-z.]+$/);
    expect(readPlanParams(writePlanParams(params))).toEqual(params);
    expect(readPlanParams(writePlanParams({ ...params, seed: null, codes: null }))).toEqual({ ...params, seed: null, codes: null });
  });

  it('falls back to the defaults, piece by piece, on malformed values', () => {
    expect(readPlanParams(null)).toEqual(DEFAULT_PLAN_PARAMS);
    expect(readPlanParams('999-maybe-x')).toEqual(DEFAULT_PLAN_PARAMS);
    expect(readPlanParams('300000-off-7')).toEqual({ ...DEFAULT_PLAN_PARAMS, keepAssociations: 'off', seed: 7 });
    expect(readPlanParams('1000-soft-99999999999')).toEqual({ ...DEFAULT_PLAN_PARAMS, minPopulation: 1000 });
    expect(readPlanParams('20000-soft-1-!!')).toEqual({ ...DEFAULT_PLAN_PARAMS, seed: 1 });
  });
});
