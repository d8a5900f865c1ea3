import { describe, expect, it } from 'vitest';
import type { AllianceServiceInput } from '../../domain/alliance';
import { draftReasons, reasonLine, type AllianceReason } from '../../domain/alliance-checks';
import type { AllianceCheckContext, AllianceDraft } from '../../domain/alliance-summary';
import { EMPTY_GOVERNANCE, type Rtd } from '../../domain/governance';
import { emptyDraft } from '../helpers/alliance-fixture';

const KNOWN = new Set(['001001', '001002', '001003']);
const known = (code: string) => KNOWN.has(code);
const context: AllianceCheckContext = {
  catalogue: new Map([
    ['pagopa', { retired: false }],
    ['protocollo', { retired: false }],
    ['fax', { retired: true }],
  ]),
  today: '2026-06-01',
};

function draft(change: Partial<AllianceDraft> = {}): AllianceDraft {
  return emptyDraft({
    members: [
      { code: '001001', status: 'proposed', lead: true },
      { code: '001002', status: 'adhered', lead: false },
    ],
    ...change,
  });
}

function service(change: Partial<AllianceServiceInput> = {}): AllianceServiceInput {
  return { code: 'pagopa', provider: { kind: 'alliance', ref: null }, annualCostCents: 1000, equalShare: 1, ...change };
}

const rtd = (seat: Rtd['seat'], email = 'rtd@comune.it'): Rtd => ({ seat, office: 'Ufficio RTD', email });
const lines = (reasons: AllianceReason[]) => reasons.map(reasonLine);

describe('draftReasons: members', () => {
  it('finds nothing to refuse in a sound draft', () => {
    expect(draftReasons(draft(), context, known)).toEqual([]);
  });

  it('names unknown, repeated and several lead Comuni once each, with the codes as details', () => {
    const members: AllianceDraft['members'] = [
      { code: '001001', status: 'proposed', lead: true },
      { code: '999999', status: 'proposed', lead: false },
      { code: '999999', status: 'proposed', lead: false },
      { code: '999999', status: 'proposed', lead: true },
      { code: '001002', status: 'proposed', lead: false },
    ];
    expect(draftReasons(draft({ members }), context, known)).toEqual([
      { kind: 'unknown_codes', message: { it: 'Codici ISTAT sconosciuti', en: 'Unknown ISTAT codes: 999999' }, details: { codes: ['999999'] } },
      { kind: 'repeated_codes', message: { it: 'Comuni ripetuti', en: 'Comuni listed twice: 999999' }, details: { codes: ['999999'] } },
      { kind: 'several_leads', message: { it: 'Un solo capofila', en: 'Only one lead body: 001001, 999999' }, details: { codes: ['001001', '999999'] } },
    ]);
  });

  it('refuses a lead that declined or withdrew, not one that is proposed or adhered', () => {
    for (const status of ['declined', 'withdrawn'] as const) {
      const reasons = draftReasons(draft({ members: [{ code: '001001', status, lead: true }, { code: '001002', status: 'proposed', lead: false }] }), context, known);
      expect(lines(reasons), status).toEqual(['Il capofila non può aver declinato o receduto / The lead body cannot have declined or withdrawn']);
      expect(reasons[0]!.kind).toBe('lead_declined');
    }
    for (const status of ['proposed', 'adhered'] as const) {
      expect(draftReasons(draft({ members: [{ code: '001001', status, lead: true }] }), context, known), status).toEqual([]);
    }
    // A member that declined without being the lead is no fault.
    expect(draftReasons(draft({ members: [{ code: '001001', status: 'declined', lead: false }] }), context, known)).toEqual([]);
  });
});

describe('draftReasons: partners and services', () => {
  it('refuses two partners with one name in any case or Unicode form, naming each spelling once', () => {
    const partners: AllianceDraft['partners'] = [
      { kind: 'regione', name: 'Regione Piemonte' },
      { kind: 'regione', name: 'regione piemonte' },
      { kind: 'regione', name: 'regione piemonte' },
      { kind: 'other', name: 'Fondazione' },
    ];
    const reasons = draftReasons(draft({ partners }), context, known);
    expect(reasons).toEqual([
      { kind: 'repeated_partners', message: { it: 'Partecipante ripetuto', en: 'Participating body listed twice: regione piemonte' }, details: { names: ['regione piemonte'] } },
    ]);
  });

  it('refuses unknown, repeated and newly added retired services; a retired one already provided stays', () => {
    const services = [service({ code: 'teletrasporto' }), service({ code: 'fax' }), service(), service()];
    expect(lines(draftReasons(draft({ services }), context, known))).toEqual([
      'Servizio sconosciuto / Unknown service: teletrasporto',
      'Servizio ritirato dal catalogo / Service retired from the catalogue: fax',
      'Servizio ripetuto / Service listed twice: pagopa',
    ]);
    const kept = draftReasons(draft({ services: [service({ code: 'fax' })] }), { ...context, previousServices: new Set(['fax']) }, known);
    expect(kept).toEqual([]);
    const other = draftReasons(draft({ services: [service({ code: 'fax' })] }), { ...context, previousServices: new Set(['pagopa']) }, known);
    expect(other.map((r) => r.kind)).toEqual(['retired_service']);
    expect(other[0]!.details).toEqual({ service: 'fax' });
  });

  it('wants a provider inside the alliance: a proposed or adhered member, a partner by its name, a lead if the lead provides', () => {
    const partners: AllianceDraft['partners'] = [{ kind: 'other', name: 'Fondazione' }];
    const members: AllianceDraft['members'] = [
      { code: '001001', status: 'adhered', lead: false },
      { code: '001002', status: 'proposed', lead: false },
      { code: '001003', status: 'declined', lead: false },
    ];
    const ok = [
      service({ provider: { kind: 'member', ref: '001001' } }),
      service({ code: 'protocollo', provider: { kind: 'member', ref: '001002' } }),
    ];
    expect(draftReasons(draft({ members, partners, services: ok }), context, known)).toEqual([]);
    expect(draftReasons(draft({ members, partners, services: [service({ provider: { kind: 'partner', ref: 'Fondazione' } })] }), context, known)).toEqual([]);
    const bad = [
      service({ provider: { kind: 'member', ref: '001003' } }),
      service({ code: 'protocollo', provider: { kind: 'member' } }),
    ];
    const reasons = draftReasons(draft({ members, partners, services: bad }), context, known);
    expect(lines(reasons)).toEqual([
      'pagopa: il fornitore deve essere un comune membro / the provider must be a member Comune (001003)',
      'protocollo: il fornitore deve essere un comune membro / the provider must be a member Comune (—)',
    ]);
    expect(reasons.map((r) => r.details)).toEqual([
      { service: 'pagopa', ref: '001003' },
      { service: 'protocollo', ref: null },
    ]);
    const partner = draftReasons(draft({ members, partners, services: [service({ provider: { kind: 'partner', ref: 'Altro ente' } }), service({ code: 'protocollo', provider: { kind: 'partner', ref: '' } })] }), context, known);
    expect(lines(partner)).toEqual([
      'pagopa: il fornitore deve essere un partecipante / the provider must be a participating body (Altro ente)',
      'protocollo: il fornitore deve essere un partecipante / the provider must be a participating body (—)',
    ]);
    expect(partner.map((r) => r.kind)).toEqual(['provider_not_partner', 'provider_not_partner']);
    const noPartnerRef = draftReasons(draft({ members, services: [service({ provider: { kind: 'partner' } })] }), context, known);
    expect(noPartnerRef[0]!.details).toEqual({ service: 'pagopa', ref: null });
    const lead = draftReasons(draft({ members, services: [service({ provider: { kind: 'lead' } })] }), context, known);
    expect(lead).toEqual([{ kind: 'no_lead_provider', message: { it: 'pagopa: nessun capofila indicato', en: 'no lead body marked' }, details: { service: 'pagopa' } }]);
    expect(draftReasons(draft({ services: [service({ provider: { kind: 'lead' } })] }), context, known)).toEqual([]);
  });

  it('charges members at most the cost, and grants cover at most the cost (equal is fine)', () => {
    expect(draftReasons(draft({ services: [service({ chargedCents: 1000, grants: [{ source: 'Regione', amountCents: 600 }, { source: 'PNRR', amountCents: 400 }] })] }), context, known)).toEqual([]);
    expect(draftReasons(draft({ services: [service({ chargedCents: null, grants: null })] }), context, known)).toEqual([]);
    const over = draftReasons(draft({ services: [service({ chargedCents: 1001, grants: [{ source: 'Regione', amountCents: 600 }, { source: 'PNRR', amountCents: 401 }] })] }), context, known);
    expect(over).toEqual([
      {
        kind: 'overcharged',
        message: { it: 'pagopa: ai membri non si può addebitare più del costo del servizio', en: 'members cannot be charged more than the service costs (1001 > 1000 cent)' },
        details: { service: 'pagopa', cents: 1001, annualCostCents: 1000 },
      },
      {
        kind: 'grants_exceed_cost',
        message: { it: 'pagopa: i contributi superano il costo del servizio', en: "grants exceed the service's cost (1001 > 1000 cent)" },
        details: { service: 'pagopa', cents: 1001, annualCostCents: 1000 },
      },
    ]);
  });

  it('wants recipients that are members, once each, and at least one', () => {
    expect(draftReasons(draft({ services: [service({ recipients: ['001001', '001002'] })] }), context, known)).toEqual([]);
    expect(draftReasons(draft({ services: [service({ recipients: null })] }), context, known)).toEqual([]);
    expect(draftReasons(draft({ services: [service({ recipients: [] })] }), context, known)).toEqual([
      { kind: 'no_recipients', message: { it: 'pagopa: nessun comune lo riceve', en: 'no Comune receives it' }, details: { service: 'pagopa' } },
    ]);
    const reasons = draftReasons(draft({ services: [service({ recipients: ['001001', '001001', '001001', '001003', '001009'] })] }), context, known);
    expect(reasons).toEqual([
      { kind: 'repeated_recipients', message: { it: 'pagopa: destinatari ripetuti', en: 'recipients listed twice: 001001' }, details: { service: 'pagopa', codes: ['001001'] } },
      {
        kind: 'recipients_not_members',
        message: { it: 'pagopa: destinatari non membri', en: 'recipients that are not members: 001003, 001009' },
        details: { service: 'pagopa', codes: ['001003', '001009'] },
      },
    ]);
  });
});

describe('draftReasons: governance', () => {
  const noLead: AllianceDraft['members'] = [
    { code: '001001', status: 'proposed', lead: false },
    { code: '001002', status: 'proposed', lead: false },
  ];

  it('wants a capofila in a convenzione', () => {
    expect(draftReasons(draft({ legalForm: 'convenzione' }), context, known)).toEqual([]);
    expect(lines(draftReasons(draft({ legalForm: 'convenzione', members: noLead }), context, known))).toEqual([
      'Regola «capofila» (TUEL art. 30 c. 4): una convenzione richiede un comune capofila tra i membri / Rule «capofila» (TUEL art. 30 c. 4): a convenzione needs a lead Comune among the members',
    ]);
    expect(draftReasons(draft({ legalForm: 'accordo', members: noLead }), context, known)).toEqual([]);
  });

  it('seats the RTD where the form has a seat for it', () => {
    expect(draftReasons(draft({ governance: { ...EMPTY_GOVERNANCE, rtd: rtd('capofila') } }), context, known)).toEqual([]);
    const reasons = draftReasons(draft({ members: noLead, governance: { ...EMPTY_GOVERNANCE, rtd: rtd('capofila') } }), context, known);
    expect(reasons).toEqual([
      { kind: 'rtd_seat', message: { it: "L'RTD presso il capofila richiede un capofila tra i membri.", en: 'An RTD at the lead body needs a lead member.' }, details: {} },
    ]);
  });

  it('extends an existing Unione only with the form «unione», and only one that exists', () => {
    const governance = { ...EMPTY_GOVERNANCE, existingUnione: 7 };
    expect(lines(draftReasons(draft({ legalForm: 'accordo', governance }), context, known))).toEqual([
      "Un'Unione esistente si estende solo con la forma «unione» / An existing Unione is extended only with the form «unione»",
    ]);
    expect(draftReasons(draft({ legalForm: 'accordo', governance }), context, known)[0]!.kind).toBe('unione_form');
    expect(draftReasons(draft({ legalForm: 'unione', governance }), context, known)).toEqual([
      { kind: 'unknown_unione', message: { it: 'Nessuna Unione di comuni con id 7', en: 'No Unione di comuni with id 7' }, details: { id: 7 } },
    ]);
    const found = { ...context, existingUnione: { id: 7, name: 'Unione', members: ['001001'] } };
    expect(draftReasons(draft({ legalForm: 'unione', governance }), found, known)).toEqual([]);
  });

  it("says the governance record's own problems, judged against the context's today", () => {
    const act = { organ: 'Sindaco', number: '1', date: '2026-06-02' };
    const governance = { ...EMPTY_GOVERNANCE, rtd: { ...rtd('capofila', 'non-un-indirizzo'), act } };
    const reasons = draftReasons(draft({ governance }), context, known);
    expect(reasons.map((r) => r.kind)).toEqual(['governance', 'governance']);
    expect(lines(reasons)).toEqual([
      'RTD: «non-un-indirizzo» non è un indirizzo e-mail o PEC / RTD: «non-un-indirizzo» is not an e-mail or PEC address',
      "RTD: l'atto di nomina è datato nel futuro (2026-06-02) / RTD: the appointing act is dated in the future (2026-06-02)",
    ]);
    expect(draftReasons(draft({ governance: { ...governance, rtd: { ...rtd('capofila'), act } } }), { ...context, today: '2026-06-02' }, known)).toEqual([]);
  });

  it('lists members, then services, then governance', () => {
    const reasons = draftReasons(
      draft({ legalForm: 'convenzione', members: [...noLead, { code: '999999', status: 'proposed', lead: false }], services: [service({ code: 'teletrasporto' })] }),
      context,
      known,
    );
    expect(reasons.map((r) => r.kind)).toEqual(['unknown_codes', 'unknown_service', 'convenzione_without_lead']);
  });
});

describe('reasonLine', () => {
  it('joins the Italian and English halves with a slash', () => {
    expect(reasonLine({ kind: 'lead_declined', message: { it: 'uno', en: 'one' }, details: {} })).toBe('uno / one');
  });
});
