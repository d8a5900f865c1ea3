import type { Governance, GovernanceRule, LegalForm, SuccessFactor } from '../../domain/governance';

/** What an alliance's answer says about its governance (absent on alliances saved before it existed). */
export interface GovernanceFields {
  id: number;
  version: number;
  members: { code: string; name: string | null; lead: boolean; status: string }[];
  legalForm?: LegalForm | null;
  governance?: Governance;
  governanceChecks?: {
    rules: GovernanceRule[];
    constitutedEfficiency: GovernanceRule | null;
    successFactors: SuccessFactor[];
    existingUnione: { id: number; name: string; missing: string[]; extra: string[] } | null;
  };
  convenzione?: { latest: { version: number; sha256: string } | null; olderText: { code: string; version: number }[] } | null;
}

