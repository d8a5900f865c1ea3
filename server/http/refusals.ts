import type { ErrorRequestHandler } from 'express';
import { DomainRefusal, type RefusalKind } from '../../domain/refusal';
import { reasonLine, type AllianceReason } from '../../domain/alliance-checks';
import type { Outcome, Refusal } from '../use-cases/refusals';
import { conflict } from './edit-token';
import { HttpError, unprocessable } from './errors';

/** Kinds a use case refuses with besides the domain's: a race lost, a link refused, too many at once. */
type AnswerKind = RefusalKind | 'conflict' | 'forbidden' | 'busy';

/** The one table of statuses: the HTTP status and error code that answer each kind of refusal. */
const ANSWERS: Record<AnswerKind, { status: number; code: string }> = {
  invalid: { status: 422, code: 'unprocessable' },
  too_large: { status: 413, code: 'payload_too_large' },
  not_found: { status: 404, code: 'not_found' },
  gone: { status: 410, code: 'gone' },
  conflict: { status: 409, code: 'conflict' },
  forbidden: { status: 403, code: 'forbidden' },
  busy: { status: 503, code: 'busy' },
};

const answer = (kind: AnswerKind, message: string, details?: unknown): HttpError => new HttpError(ANSWERS[kind].status, ANSWERS[kind].code, message, details);

/** An adhesion link that is not (or no longer) the party's live one. */
export const invalidLink = () =>
  answer('forbidden', 'Link di adesione non valido o revocato: chiedine uno nuovo a chi ha fondato l’alleanza / Invalid or revoked adhesion link: ask the founder for a new one');

/** A check's refusal (domain/refusal.ts) as the HTTP error that says it. */
export const httpErrorOfDomain = (refused: DomainRefusal): HttpError => answer(refused.kind, refused.message, refused.details);

/** The one place where a use case's refusal becomes an HTTP status and a bilingual message. */
export function httpErrorOf(refusal: Refusal): HttpError {
  switch (refusal.reason) {
    case 'service_taken':
      return answer('conflict', `Il codice ${refusal.code} è già nel catalogo / Code ${refusal.code} is already in the catalogue`);
    case 'no_service':
      return answer('not_found', `Nessun servizio con codice ${refusal.code} / No service with code ${refusal.code}`);
    case 'token_changed':
      return answer('conflict', 'Il link di modifica è appena cambiato: usa quello nuovo / The edit link has just changed: use the new one');
    case 'not_a_party': {
      const who = 'code' in refusal.party ? refusal.party.code : refusal.party.partner;
      return answer('invalid', `Non è tra i membri o i partecipanti dell'alleanza / Not a member or participating body of the alliance: ${who}`);
    }
    case 'no_invitation':
      return answer('not_found', `Nessun link di adesione ${refusal.id} per questa alleanza / No adhesion link ${refusal.id} for this alliance`);
    case 'stale':
      return conflict(refusal.currentVersion);
    case 'invalid_link':
      return invalidLink();
    case 'alliance_deleted':
      return answer('gone', `L'alleanza ${refusal.id} è stata eliminata / Alliance ${refusal.id} was deleted`);
    case 'party_removed':
      return answer('not_found', 'Nel frattempo è stato tolto dall’alleanza / It was removed from the alliance meanwhile');
    case 'unknown_convenzione_version':
      return answer('invalid', `Nessuna versione ${refusal.version} del testo della convenzione / No version ${refusal.version} of the convenzione text`);
    case 'invalid_alliance':
      return invalidAlliance(refusal.reasons);
    case 'busy':
      return answer('busy', 'Troppe modifiche contemporanee: riprova tra poco / Too many simultaneous changes: try again shortly');
  }
}

/**
 * A draft the founder cannot save (422): a published one whose rules still find problems says those
 * rules; otherwise every reason, one bilingual line each, and the unknown ISTAT codes.
 */
function invalidAlliance(reasons: readonly AllianceReason[]): HttpError {
  for (const reason of reasons) {
    if (reason.kind === 'problems_remain') {
      const rules = reason.details.rules;
      return unprocessable(reasonLine(reason), { reasons: rules.map((r) => r.message), rules });
    }
  }
  const lines = reasons.map(reasonLine);
  return unprocessable(lines.join('; '), { reasons: lines, unknown: reasons.flatMap((r) => (r.kind === 'unknown_codes' ? r.details.codes : [])) });
}

/** The result of a use case, or its refusal thrown as the HTTP error that says it. */
export function resultOf<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw httpErrorOf(outcome.refusal);
  return outcome.value;
}

/** Error middleware: a check's refusal thrown anywhere below a route is answered as its kind's status. */
export const answerRefusals: ErrorRequestHandler = (error: unknown, _req, _res, next) => {
  next(error instanceof DomainRefusal ? httpErrorOfDomain(error) : error);
};
