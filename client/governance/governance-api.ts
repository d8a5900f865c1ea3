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

/** Saves the legal form and the governance record with the edit token (If-Match: the version read). */
export async function saveGovernance(alliance: { id: number; version: number }, token: string, body: { legalForm: LegalForm | null; governance: Governance }): Promise<void> {
  const response = await fetch(`/api/alliances/${alliance.id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', accept: 'application/json', Authorization: `Bearer ${token}`, 'If-Match': `"${alliance.version}"` },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    const answer = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(answer?.error?.message ?? `HTTP ${response.status}`);
  }
}
