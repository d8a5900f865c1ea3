import { EMPTY_GOVERNANCE } from '../../domain/governance';
import type { StoredAlliance } from '../queries/alliances';
import type { AllianceDraft } from './alliances';

/** What a stored alliance says, as a draft to compare a change with or to apply it to. */
export function draftOf(alliance: StoredAlliance): AllianceDraft {
  return {
    name: alliance.name,
    description: alliance.description,
    status: alliance.status,
    ruleSet: alliance.summary.ruleSet.id,
    members: alliance.members.map((m) => ({ code: m.code, status: m.status, lead: m.lead, act: m.act })),
    partners: alliance.partners.map((p) => ({ kind: p.kind, name: p.name, role: p.role, status: p.status, act: p.act })),
    services: alliance.services,
    runningCostCents: alliance.runningCostCents,
    legalForm: alliance.legalForm,
    governance: { ...EMPTY_GOVERNANCE, ...alliance.governance },
  };
}
