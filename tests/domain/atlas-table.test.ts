import { describe, expect, it } from 'vitest';
import { PLANNER_KINDS, roundDegrees, roundKm2 } from '../../domain/atlas-table';

describe('the atlas table precision (the planner rounds the same way in the browser and on the server)', () => {
  it('keeps label points to 1e-5 degrees (about a metre), rounding half up', () => {
    expect(roundDegrees(7.123456789)).toBe(7.12346);
    expect(roundDegrees(45.000004)).toBe(45);
    expect(roundDegrees(45.000005)).toBe(45.00001);
    expect(roundDegrees(-3.333337)).toBe(-3.33334);
    expect(roundDegrees(12)).toBe(12);
  });

  it('keeps areas to 1e-4 km² (100 m²)', () => {
    expect(roundKm2(13.14623)).toBe(13.1462);
    expect(roundKm2(13.14625)).toBe(13.1463);
    expect(roundKm2(0.00004)).toBe(0);
    expect(roundKm2(1287.36)).toBe(1287.36);
  });

  it('weighs the bodies the planner keeps whole, labour-market areas and SNAI areas', () => {
    expect(PLANNER_KINDS).toEqual(['unione', 'comunita_montana', 'sll', 'snai']);
  });
});
