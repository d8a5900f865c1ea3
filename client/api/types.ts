import type { AllianceServiceInput, AllianceStatus, MemberStatus, PartnerKind } from '../../domain/alliance';
import type { FeeReport as DomainFeeReport } from '../../domain/fee-report';
import type { ServiceDefinition } from '../../domain/services';
import type { Suggestion } from '../../domain/suggestions';
import type { Contiguity } from '../../domain/contiguity';
import type { RuleResult } from '../../domain/rules';

export type { AssociationDetails, AssociationSummary, ComuneDetails, CoverageReport, DatasetSource, NamedAggregate, SearchHit, SourcesAnswer } from '../../domain/api-types';

/** `GET /api/alliances/:id`, as the alliance page reads it. */
export interface AllianceView {
  id: number;
  name: string;
  description: string;
  status: AllianceStatus;
  version: number;
  members: { code: string; name: string | null; population: number | null; status: MemberStatus; lead: boolean }[];
  partners: { kind: PartnerKind; name: string; role: string | null }[];
  totals: { comuni: number; population: number; areaKm2: number; smallComuni: number };
  contiguity: Contiguity;
  rules: RuleResult[];
  ruleSet: { id: string; name: { it: string; en: string } };
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

/** Answer of `POST /api/alliances` (with the edit token, once) or `PATCH`. */
export interface SavedAlliance {
  id: number;
  version: number;
  editToken?: string;
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
