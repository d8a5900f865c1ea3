import { describe, expect, it } from 'vitest';
import { DomainRefusal, REFUSAL_KINDS } from '../../domain/refusal';

describe('DomainRefusal', () => {
  it('is an error carrying its kind, its bilingual message and its details', () => {
    const refusal = new DomainRefusal('invalid', 'Codici ISTAT sconosciuti / Unknown ISTAT codes: 999999', { unknown: ['999999'] });
    expect(refusal).toBeInstanceOf(Error);
    expect(refusal.name).toBe('DomainRefusal');
    expect(refusal.kind).toBe('invalid');
    expect(refusal.message).toBe('Codici ISTAT sconosciuti / Unknown ISTAT codes: 999999');
    expect(refusal.details).toEqual({ unknown: ['999999'] });
    expect(new DomainRefusal('gone', 'Eliminata / Deleted').details).toBeUndefined();
  });

  it('names the kinds of refusal, none of them an HTTP status', () => {
    expect(REFUSAL_KINDS).toEqual(['invalid', 'too_large', 'not_found', 'gone']);
  });
});
