import { GeodataError } from '../errors';
import { FILES } from '../sources';
import { readCsv, type CsvRow } from './files';

const INNER_AREA_CLASSES = new Set(['A', 'B', 'C', 'D', 'E', 'F']);

/** Figures about one Comune from the ISTAT / DPCoe tables, keyed by its 2023 ISTAT code. */
export interface ComuneAttributes {
  population: number;
  populationYear: number;
  areaKm2: number | null;
  densityPerKm2: number | null;
  innerAreaClass: string | null;
  travelMinutesToHub: number | null;
  hubCode: string | null;
  hubName: string | null;
}

export interface AttributeTable {
  byCode: Map<string, ComuneAttributes>;
  /** Rows without a 2023 code (Comuni merged since 2020), as "code name". */
  withoutCurrentCode: string[];
}

/** Reads population and aree-interne tables and joins them on `istat_code_openpolis_2023`. */
export async function readAttributes(dir: string): Promise<AttributeTable> {
  const problems: string[] = [];
  const population = await readCsv(dir, FILES.population, [
    'istat_code_openpolis_2023', 'population', 'year', 'area_km2', 'density_per_km2',
  ]);
  const inner = await readCsv(dir, FILES.innerAreas, [
    'istat_code_openpolis_2023', 'ai_2020_code', 'ai_2020_travel_min_to_polo', 'ai_2020_polo_istat_code', 'ai_2020_polo_name',
  ]);

  const innerByCode = new Map<string, CsvRow>();
  for (const row of inner) innerByCode.set(row.istat_code_openpolis_2023 ?? '', row);

  const result = new Map<string, ComuneAttributes>();
  const withoutCurrentCode: string[] = [];
  population.forEach((row, index) => {
    const line = index + 2;
    const code = row.istat_code_openpolis_2023 ?? '';
    if (code === '') return withoutCurrentCode.push(`${row.istat_code ?? '?'} ${row.name ?? ''}`.trim());
    if (!/^\d{6}$/.test(code)) return problems.push(`${FILES.population} line ${line}: bad code "${code}"`);
    if (result.has(code)) return problems.push(`${FILES.population} line ${line}: code ${code} appears more than once`);
    const residents = integer(row.population);
    const year = integer(row.year);
    if (residents === null || year === null) {
      return problems.push(`${FILES.population} line ${line}: population or year is not a whole number`);
    }
    const ai = innerByCode.get(code);
    const aiClass = ai?.ai_2020_code ?? '';
    result.set(code, {
      population: residents,
      populationYear: year,
      areaKm2: positive(row.area_km2),
      densityPerKm2: decimal(row.density_per_km2),
      innerAreaClass: INNER_AREA_CLASSES.has(aiClass) ? aiClass : null,
      travelMinutesToHub: decimal(ai?.ai_2020_travel_min_to_polo),
      hubCode: nonEmpty(ai?.ai_2020_polo_istat_code),
      hubName: nonEmpty(ai?.ai_2020_polo_name),
    });
  });

  if (problems.length > 0) throw new GeodataError('The population table has problems; nothing was imported', problems);
  return { byCode: result, withoutCurrentCode };
}

function integer(value: string | undefined): number | null {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : null;
}

function decimal(value: string | undefined): number | null {
  if (value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

function positive(value: string | undefined): number | null {
  const n = decimal(value);
  return n !== null && n > 0 ? n : null;
}

function nonEmpty(value: string | undefined): string | null {
  return value === undefined || value === '' ? null : value;
}
