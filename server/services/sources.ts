import type { Knex } from 'knex';
import { DATASETS, UNIONI_SOURCE } from '../../geodata/datasets';
import { datasetStates } from '../queries/sources';

/** Every dataset with its source, date, licence and known gaps, and what its last import brought. */
export async function dataSources(knex: Knex) {
  const { origin, datasets } = await datasetStates(knex, UNIONI_SOURCE);
  return { origin, datasets: DATASETS.map((d) => ({ ...d, ...datasets[d.id] })) };
}
