import type { Knex } from 'knex';

export interface BatchInsert<T> {
  /** `INSERT INTO table (columns)` */
  into: string;
  /** One row's tuple with `?` placeholders, e.g. `(?, ?, ST_GeomFromGeoJSON(?))`. */
  tuple: string;
  values: (row: T) => unknown[];
  /** Appended to each statement, e.g. `ON CONFLICT … DO UPDATE …`. */
  suffix?: string;
  batchSize?: number;
  onBatch?: (count: number) => void;
}

/** Inserts rows with one parameterised multi-row statement per batch. */
export async function insertBatches<T>(trx: Knex.Transaction, rows: readonly T[], spec: BatchInsert<T>): Promise<void> {
  const size = spec.batchSize ?? 100;
  for (let start = 0; start < rows.length; start += size) {
    const batch = rows.slice(start, start + size);
    const sql = `${spec.into} VALUES ${batch.map(() => spec.tuple).join(', ')} ${spec.suffix ?? ''}`;
    await trx.raw(sql, batch.flatMap(spec.values) as Knex.RawBinding[]);
    spec.onBatch?.(batch.length);
  }
}
