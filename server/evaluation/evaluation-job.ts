import type { AllianceEvaluation } from '../../domain/alliance-evaluation';
import type { AllianceCheckContext, AllianceDraft } from '../../domain/alliance-summary';
import type { AssociationRef } from '../../domain/associations';
import type { ComuneFacts } from '../../domain/territory';

/**
 * The tables a draft's evaluation reads, as plain data (structured clone): the neighbour graph as
 * each Comune's list of neighbours, since a function does not cross to a thread.
 */
export interface EvaluationTables {
  facts: ReadonlyMap<string, ComuneFacts>;
  neighbours: ReadonlyMap<string, readonly string[]>;
  memberships: ReadonlyMap<string, readonly AssociationRef[]>;
  provinceNames: ReadonlyMap<string, string>;
  regionNames: ReadonlyMap<string, string>;
}

/**
 * What the HTTP thread asks the evaluation thread (see evaluation-thread.ts), and what comes back:
 * each message with the `id` its answer repeats. `version` names the data version of the tables.
 */
export type EvaluationRequest =
  /** The tables of one data version, replacing the thread's previous ones. */
  | { id: number; type: 'tables'; version: number; tables: EvaluationTables }
  /** One draft evaluated against the tables of `version`. */
  | { id: number; type: 'evaluate'; version: number; draft: AllianceDraft; context: AllianceCheckContext }
  /** The thread's heap. */
  | { id: number; type: 'memory' };

export type EvaluationAnswer =
  | { id: number; loaded: true }
  | { id: number; evaluation: AllianceEvaluation }
  | { id: number; memory: { heapBytes: number } }
  /** `stale`: the thread holds no tables of the version named (a newer set replaced them). */
  | { id: number; failure: string; stale?: boolean };
