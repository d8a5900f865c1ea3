import { describe, expect, it } from 'vitest';
import {
  ANY_FUNDAMENTAL,
  DEFAULT_SERVICES,
  DIGITAL_SERVICES,
  FUNDAMENTAL_FUNCTIONS,
  SERVICE_PROVIDER_KINDS,
  defaultService,
  isServiceCode,
  isServiceProviderKind,
} from '../../domain/services';
import { isObligedToAssociate } from '../../domain/thresholds';

describe('service catalogue', () => {
  it('lists the 11 fundamental functions of DL 78/2010 art. 14 c. 27 in order', () => {
    expect(FUNDAMENTAL_FUNCTIONS.map((f) => f.letter)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'l', 'l-bis']);
    expect(FUNDAMENTAL_FUNCTIONS.map((f) => f.code)).toEqual(['ff-a', 'ff-b', 'ff-c', 'ff-d', 'ff-e', 'ff-f', 'ff-g', 'ff-h', 'ff-i', 'ff-l', 'ff-l-bis']);
    expect(defaultService('ff-a')?.name.it).toBe("Organizzazione generale dell'amministrazione, gestione finanziaria e contabile e controllo");
    expect(defaultService('ff-f')?.name.it).toMatch(/rifiuti urbani.*tributi/);
    expect(defaultService('ff-l-bis')?.reference).toBe('DL 78/2010 art. 14 c. 27, lett. l-bis)');
    expect(FUNDAMENTAL_FUNCTIONS.every((f) => f.kind === 'fundamental')).toBe(true);
  });

  it('applies the association obligation to every fundamental function except l) (State functions)', () => {
    expect(FUNDAMENTAL_FUNCTIONS.filter((f) => !f.obligation).map((f) => f.code)).toEqual(['ff-l']);
    expect(DIGITAL_SERVICES.some((s) => s.obligation)).toBe(false);
  });

  it('has the default digital catalogue with stable codes', () => {
    expect(DIGITAL_SERVICES.map((s) => s.code)).toEqual(['ced', 'protocollo', 'suap', 'sue', 'tributi', 'anpr', 'pagopa', 'web', 'gis', 'cuc', 'dpo-cyber', 'formazione']);
    expect(defaultService('suap')?.reference).toContain('DPR 160/2010');
    expect(defaultService('sue')?.reference).toContain('DPR 380/2001 art. 5');
    expect(DIGITAL_SERVICES.every((s) => s.kind === 'digital' && s.letter === undefined)).toBe(true);
  });

  it('gives every default service a valid, unique code and texts in both languages', () => {
    expect(DEFAULT_SERVICES).toHaveLength(23);
    expect(new Set(DEFAULT_SERVICES.map((s) => s.code)).size).toBe(DEFAULT_SERVICES.length);
    for (const s of DEFAULT_SERVICES) {
      expect(isServiceCode(s.code), s.code).toBe(true);
      expect(s.name.it && s.name.en && s.description.it && s.description.en && s.reference).toBeTruthy();
    }
    expect(defaultService(ANY_FUNDAMENTAL)).toBeUndefined();
    expect(ANY_FUNDAMENTAL).toBe('fundamental');
  });

  it('validates service codes and provider kinds', () => {
    expect(isServiceCode('ff-l-bis')).toBe(true);
    expect(isServiceCode('a')).toBe(false);
    expect(isServiceCode('SUAP')).toBe(false);
    expect(isServiceCode('servizio web')).toBe(false);
    expect(isServiceCode('x'.repeat(40))).toBe(true);
    expect(isServiceCode('x'.repeat(41))).toBe(false);
    expect(SERVICE_PROVIDER_KINDS).toEqual(['alliance', 'lead', 'member', 'partner']);
    expect(isServiceProviderKind('lead')).toBe(true);
    expect(isServiceProviderKind('regione')).toBe(false);
  });
});

describe('obligation to associate (DL 78/2010 art. 14 c. 28)', () => {
  it('applies up to 5,000 residents, or 3,000 for mountain Comuni, and not to unknown populations', () => {
    expect(isObligedToAssociate(5000, false)).toBe(true);
    expect(isObligedToAssociate(5001, false)).toBe(false);
    expect(isObligedToAssociate(3000, true)).toBe(true);
    expect(isObligedToAssociate(3001, true)).toBe(false);
    expect(isObligedToAssociate(null, false)).toBe(false);
  });
});
