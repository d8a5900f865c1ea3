import { FILES } from '../sources';
import { readCsv } from './files';

/** One association read from a source file, before it is matched to known Comuni. */
export interface AssociationSource {
  sourceKey: string;
  name: string;
  period: string | null;
  validFrom: string | null;
  validTo: string | null;
  status: string | null;
  members: { code: string; role: string | null }[];
}

/** SNAI project areas: one row per (area, Comune). Cycles become validity periods. */
export async function readSnaiAreas(dir: string): Promise<AssociationSource[]> {
  const rows = await readCsv(dir, FILES.snai, ['area_id', 'cycle', 'area_name', 'area_status', 'istat_code']);
  const areas = new Map<string, AssociationSource>();
  for (const row of rows) {
    const key = row.area_id ?? '';
    let area = areas.get(key);
    if (!area) {
      const cycle = row.cycle ?? '';
      const years = /^(\d{4})-(\d{4})$/.exec(cycle);
      area = {
        sourceKey: key,
        name: row.area_name ?? key,
        period: cycle || null,
        validFrom: years ? `${years[1]}-01-01` : null,
        validTo: years ? `${years[2]}-12-31` : null,
        status: row.area_status || null,
        members: [],
      };
      areas.set(key, area);
    }
    area.members.push({ code: row.istat_code ?? '', role: null });
  }
  return [...areas.values()];
}

/** ISTAT Sistemi Locali del Lavoro 2021, joined on the 2023 codes of the boundaries. */
export async function readLabourMarketAreas(dir: string): Promise<AssociationSource[]> {
  const rows = await readCsv(dir, FILES.sll, ['sll_code', 'sll_name', 'istat_code_openpolis_2023', 'is_sll_capital']);
  const areas = new Map<string, AssociationSource>();
  for (const row of rows) {
    const key = row.sll_code ?? '';
    let area = areas.get(key);
    if (!area) {
      area = {
        sourceKey: key,
        name: titleCase(row.sll_name ?? key),
        period: '2021',
        validFrom: '2021-01-01',
        validTo: null,
        status: null,
        members: [],
      };
      areas.set(key, area);
    }
    area.members.push({ code: row.istat_code_openpolis_2023 || (row.istat_code ?? ''), role: row.is_sll_capital === '1' ? 'capoluogo' : null });
  }
  return [...areas.values()];
}

/** "REGGIO NELL'EMILIA" → "Reggio nell'Emilia"-like casing, keeping short particles lower case. */
function titleCase(name: string): string {
  const particles = new Set(['di', 'del', 'della', 'dei', 'delle', 'nel', 'nell', 'sul', 'sull', 'e', 'd', 'de', 'in']);
  return name
    .toLowerCase()
    .replace(/[\p{L}]+/gu, (word, offset: number) =>
      offset > 0 && particles.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1),
    );
}

/** Both area tables, read and checked before any write. */
export async function readAreas(dir: string): Promise<{ snai: AssociationSource[]; sll: AssociationSource[] }> {
  return { snai: await readSnaiAreas(dir), sll: await readLabourMarketAreas(dir) };
}
