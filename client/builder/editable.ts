import { EMPTY_GOVERNANCE } from '../../domain/governance';
import type { EditableContent } from '../../domain/reapply';
import type { GovernanceFields } from '../governance/governance-api';
import type { AllianceView } from '../api/types';
import type { StoredDraft } from './draft-store';
import type { BuilderState } from './useBuilder';

/** A saved alliance as the builder holds it (not yet which version is being edited). */
export function builderContentOf(a: AllianceView & Pick<GovernanceFields, 'legalForm' | 'governance'>): Omit<StoredDraft['state'], 'editing' | 'legalForm' | 'governance'> & Pick<BuilderState, 'legalForm' | 'governance'> & { editing: null } {
  return {
    members: a.members.map((m) => m.code),
    meta: Object.fromEntries(a.members.map((m) => [m.code, { status: m.status, lead: m.lead }])),
    name: a.name,
    description: a.description,
    ruleSetId: a.ruleSet.id,
    partners: a.partners,
    services: a.services,
    runningCostCents: a.runningCostCents,
    status: a.status,
    // Saved before the legal form existed: none chosen yet.
    legalForm: a.legalForm ?? null,
    governance: { ...EMPTY_GOVERNANCE, ...a.governance },
    editing: null,
  };
}

/** What an edit can change, for re-applying it on a newer version (domain/reapply). */
export function editableOf(state: BuilderState): EditableContent {
  return {
    name: state.name,
    description: state.description,
    status: state.status,
    ruleSetId: state.ruleSetId,
    runningCostCents: state.runningCostCents,
    members: state.selection.members,
    leads: Object.fromEntries(state.selection.members.map((c) => [c, state.meta[c]?.lead ?? false])),
    // Partners' own statuses and acts are theirs: only what the founder edits is compared.
    partners: state.partners.map((p) => ({ kind: p.kind, name: p.name, role: p.role ?? null })),
    services: state.services,
  };
}
