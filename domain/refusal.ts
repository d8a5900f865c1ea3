/**
 * Why a check refused its input, as the domain says it: a kind and a message in Italian then
 * English ("Messaggio / Message"), with details a client can act on. No HTTP here: the server maps
 * each kind to a status in one place (server/http/refusals.ts).
 */
export const REFUSAL_KINDS = [
  /** The input breaks a rule (an unknown code, a decision not open from the current status). */
  'invalid',
  /** The input is beyond a bound the service keeps (too many Comuni, a drawing too costly). */
  'too_large',
  /** What the input names does not exist. */
  'not_found',
  /** What the input names existed and was deleted. */
  'gone',
] as const;

export type RefusalKind = (typeof REFUSAL_KINDS)[number];

/** A refusal raised by a check: caught by the server's error handling, which answers it. */
export class DomainRefusal extends Error {
  override readonly name = 'DomainRefusal';

  constructor(
    readonly kind: RefusalKind,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}
