import type { AssociationKind } from '../../domain/associations';
import { foldName } from '../../domain/text';
import { GeodataError } from '../errors';
import { FILES } from '../sources';
import type { AssociationSource } from './areas';
import { readCsv } from './files';

/** Kinds the list of Unioni di Comuni carries. */
export const UNIONI_KINDS = ['unione', 'comunita_montana', 'other'] as const satisfies readonly AssociationKind[];
export type UnioneKind = (typeof UNIONI_KINDS)[number];

/** An Unione di Comuni, Comunità di montagna or Comunità di valle with its members. */
export interface UnioneSource extends AssociationSource {
  kind: UnioneKind;
}

export const isUnioneKind = (value: string): value is UnioneKind => (UNIONI_KINDS as readonly string[]).includes(value);

/**
 * ANCI's list of Unioni (2023) with member codes: one row per (association, Comune). The
 * source names no lead body, so the role "member" carries no information and is dropped.
 */
export async function readUnioni(dir: string): Promise<UnioneSource[]> {
  const rows = await readCsv(dir, FILES.unioni, ['kind', 'name', 'istat_code']);
  const problems: string[] = [];
  const byKey = new Map<string, UnioneSource>();
  rows.forEach((row, index) => {
    const kind = row.kind ?? '';
    const name = (row.name ?? '').trim();
    const code = row.istat_code ?? '';
    const line = `${FILES.unioni} line ${index + 2}`;
    if (!isUnioneKind(kind)) return problems.push(`${line}: unknown kind "${kind}"`);
    if (name === '') return problems.push(`${line}: no name`);
    if (!/^\d{6}$/.test(code)) return problems.push(`${line}: bad code "${code}"`);
    const key = foldName(name);
    let entry = byKey.get(key);
    if (!entry) {
      entry = { kind, sourceKey: key, name, period: '2023', validFrom: null, validTo: null, status: null, members: [] };
      byKey.set(key, entry);
    } else if (entry.kind !== kind) {
      return problems.push(`${line}: "${name}" appears as both ${entry.kind} and ${kind}`);
    }
    const role = row.role?.trim() ?? '';
    entry.members.push({ code, role: role === '' || role === 'member' ? null : role });
  });
  if (problems.length > 0) throw new GeodataError('The list of Unioni di Comuni has problems; nothing was imported', problems);
  return [...byKey.values()];
}
