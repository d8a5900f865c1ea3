import { DEFAULT_FLOOR, MAX_FLOOR, MIN_FLOOR } from '../../domain/planner/limits';
import type { KeepAssociations } from '../../domain/planner/types';
import { decodeMembers, encodeMembers } from '../builder/shared-draft';

/** What a shared plan link says besides its area (`area` in the view): floor, association rule, seed, or own Comuni. */
export interface PlanParams {
  minPopulation: number;
  keepAssociations: KeepAssociations;
  /** Null until the first run picks one. */
  seed: number | null;
  /** Comuni chosen by hand (the builder's selection) instead of a region or province. */
  codes: string[] | null;
}

export const DEFAULT_PLAN_PARAMS: PlanParams = { minPopulation: DEFAULT_FLOOR, keepAssociations: 'soft', seed: null, codes: null };
export const SEED_MAX = 2 ** 31 - 1;
const KEEPS: readonly KeepAssociations[] = ['hard', 'soft', 'off'];

/** The `piano` URL value: "20000-soft-123", and "-<members>" (as in a shared draft) for hand-picked Comuni. */
export function writePlanParams(params: PlanParams): string {
  const parts = [String(params.minPopulation), params.keepAssociations, params.seed === null ? '' : String(params.seed)];
  if (params.codes && params.codes.length > 0) parts.push(encodeMembers(params.codes));
  return parts.join('-');
}

/** The parameters of a `piano` URL value; anything malformed falls back to the defaults, piece by piece. */
export function readPlanParams(text: string | null): PlanParams {
  if (!text) return DEFAULT_PLAN_PARAMS;
  const [floor = '', keep = '', seed = '', members] = text.split('-');
  const f = /^\d{1,6}$/.test(floor) ? Number(floor) : NaN;
  const s = /^\d{1,10}$/.test(seed) ? Number(seed) : NaN;
  const codes = members ? decodeMembers(members) : null;
  return {
    minPopulation: f >= MIN_FLOOR && f <= MAX_FLOOR ? f : DEFAULT_FLOOR,
    keepAssociations: (KEEPS as readonly string[]).includes(keep) ? (keep as KeepAssociations) : 'soft',
    seed: s >= 0 && s <= SEED_MAX ? s : null,
    codes: codes && codes.length > 0 ? codes : null,
  };
}
