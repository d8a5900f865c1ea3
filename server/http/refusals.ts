import { reasonLine, type AllianceReason } from '../../domain/alliance-checks';
import type { Outcome, Refusal } from '../use-cases/refusals';
import { conflict } from './edit-token';
import { HttpError, notFound, unprocessable } from './errors';

/** An adhesion link that is not (or no longer) the party's live one. */
export const invalidLink = () =>
  new HttpError(403, 'forbidden', 'Link di adesione non valido o revocato: chiedine uno nuovo a chi ha fondato l’alleanza / Invalid or revoked adhesion link: ask the founder for a new one');

/** The one place where a use case's refusal becomes an HTTP status and a bilingual message. */
export function httpErrorOf(refusal: Refusal): HttpError {
  switch (refusal.reason) {
    case 'service_taken':
      return new HttpError(409, 'conflict', `Il codice ${refusal.code} è già nel catalogo / Code ${refusal.code} is already in the catalogue`);
    case 'no_service':
      return notFound(`Nessun servizio con codice ${refusal.code} / No service with code ${refusal.code}`);
    case 'token_changed':
      return new HttpError(409, 'conflict', 'Il link di modifica è appena cambiato: usa quello nuovo / The edit link has just changed: use the new one');
    case 'not_a_party': {
      const who = 'code' in refusal.party ? refusal.party.code : refusal.party.partner;
      return unprocessable(`Non è tra i membri o i partecipanti dell'alleanza / Not a member or participating body of the alliance: ${who}`);
    }
    case 'no_invitation':
      return notFound(`Nessun link di adesione ${refusal.id} per questa alleanza / No adhesion link ${refusal.id} for this alliance`);
    case 'stale':
      return conflict(refusal.currentVersion);
    case 'invalid_link':
      return invalidLink();
    case 'alliance_deleted':
      return new HttpError(410, 'gone', `L'alleanza ${refusal.id} è stata eliminata / Alliance ${refusal.id} was deleted`);
    case 'party_removed':
      return notFound('Nel frattempo è stato tolto dall’alleanza / It was removed from the alliance meanwhile');
    case 'unknown_convenzione_version':
      return unprocessable(`Nessuna versione ${refusal.version} del testo della convenzione / No version ${refusal.version} of the convenzione text`);
    case 'invalid_alliance':
      return invalidAlliance(refusal.reasons);
    case 'busy':
      return new HttpError(503, 'busy', 'Troppe modifiche contemporanee: riprova tra poco / Too many simultaneous changes: try again shortly');
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
