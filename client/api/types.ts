import type { AdhesionAct, AdhesionDecision } from '../../domain/adhesion';
import type { AllianceServiceInput, AllianceStatus, MemberStatus } from '../../domain/alliance';
import type { AllianceChange } from '../../domain/history';
import type { TerritoryTotals } from '../../domain/territory';
import type { FeeReport as DomainFeeReport } from '../../domain/fee-report';
import type { ServiceDefinition } from '../../domain/services';
import type { Suggestion } from '../../domain/suggestions';
import type { AllianceSummary, ConstitutedSummary, StoredMember, StoredPartner } from '../../domain/alliance-summary';

export type { AssociationDetails, AssociationSummary, ComuneCoverage, ComuneDetails, CoverageReport, DatasetSource, NamedAggregate, SearchHit, SourcesAnswer } from '../../domain/api-types';

/** `GET /api/alliances/:id`, as the alliance page reads it. */
export interface AllianceView extends Pick<AllianceSummary, 'contiguity' | 'rules' | 'ruleSet'> {
  id: number;
  name: string;
  description: string;
  status: AllianceStatus;
  version: number;
  members: StoredMember[];
  partners: StoredPartner[];
  /** The adhered members alone (absent on alliances saved before adhesions existed). */
  constituted?: Constitution;
  totals: Pick<TerritoryTotals, 'comuni' | 'population' | 'areaKm2' | 'smallComuni'>;
  history: { version: number; action: string; at: string }[];
  updatedAt: string;
  services: AllianceServiceInput[];
  runningCostCents: number;
  /** Recorded by an administrator: why a territory in separate parts is accepted. */
  contiguityException: string | null;
}

/** One row of `GET /api/alliances`. */
export interface AllianceListItem {
  id: number;
  name: string;
  status: AllianceStatus;
  version: number;
  updatedAt: string;
  totals: { comuni: number; population: number };
  contiguous: boolean;
  ruleSet: string;
}

/** The constituted territory: only the members that adhered by their own act. */
export type Constitution = ConstitutedSummary;

/** A new adhesion link, with its secret (shown once). */
export type IssuedInvitation = ({ code: string } | { partner: string }) & { id: number; url: string };

/** An adhesion link as the founder lists it (no secret). */
export interface InvitationRow {
  id: number;
  code: string | null;
  partner: string | null;
  createdAt: string;
  revokedAt: string | null;
  revokedBy: 'founder' | 'administrator' | 'removed' | null;
}

/** Answer of `POST /api/alliances` (with the edit token, once) or `PATCH`. */
export interface SavedAlliance {
  id: number;
  version: number;
  editToken?: string;
  /** Links for members and bodies that had none (new ones). */
  invitations: IssuedInvitation[];
}

/** `GET /api/alliances/:id/members/:code/adhesion`: what an invited Comune or body sees. */
export interface AdhesionView {
  alliance: { id: number; name: string; status: AllianceStatus; version: number; constituted: Constitution | null };
  party: { code: string; name: string } | { partner: string };
  status: MemberStatus;
  act: AdhesionAct | null;
  decisions: AdhesionDecision[];
}

/** One entry of `GET /api/alliances/:id/history`. */
export interface HistoryEntryView {
  id: number;
  version: number;
  at: string;
  action: 'created' | 'updated' | 'deleted' | 'adhesion' | 'exception' | 'token_rotated' | 'invitation_issued' | 'invitation_revoked';
  actor: { kind: string; label: { it: string; en: string } };
  changes: (AllianceChange & { text: { it: string; en: string } })[];
}

/** `POST /api/comuni/resolve` */
export interface Resolution {
  found: { code: string }[];
  unknown: string[];
  ambiguous: { input: string; candidates: { name: string; provinceAcronym: string }[] }[];
}

/** `GET /api/services`: a catalogue entry. */
export interface CatalogueService extends ServiceDefinition {
  retiredAt: string | null;
}

/** `GET /api/alliances/:id/fees` */
export type FeeReport = DomainFeeReport & { allianceId: number; version: number };

/** `POST /api/suggestions` */
export interface SuggestionsAnswer {
  ruleSet: { id: string; name: { it: string; en: string } };
  suggestions: Suggestion[];
}
