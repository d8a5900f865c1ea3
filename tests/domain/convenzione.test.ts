import { describe, expect, it } from 'vitest';
import { ART_30_ELEMENTS, buildConvenzione, CONVENZIONE_MARKING, convenzioneText, italianDate, sharingRule, type ConvenzioneInput } from '../../domain/convenzione';
import { feeReport } from '../../domain/fee-report';
import { formatEuro } from '../../domain/fees';

const members = [
  { code: '039012', name: 'Lugo', population: 32000, lead: true },
  { code: '039002', name: 'Alfonsine', population: 11500, lead: false },
  { code: '039001', name: 'Bagnacavallo', population: null, lead: false },
];
const fees = feeReport({
  services: [
    { code: 'suap', provider: { kind: 'lead' }, annualCostCents: 1_000_001, equalShare: 0.3 },
    { code: 'cuc', provider: { kind: 'lead' }, annualCostCents: 300_000, equalShare: 1, grants: [{ source: 'Regione Emilia-Romagna', amountCents: 50_000 }] },
  ],
  members,
  runningCostCents: 0,
  serviceName: (code) => ({ suap: { it: 'Sportello unico attività produttive', en: 'SUAP' }, cuc: { it: 'Centrale unica di committenza', en: 'CUC' } })[code],
});
const input: ConvenzioneInput = {
  allianceName: 'ALI Bassa Romagna',
  members,
  fees,
  rtd: { seat: 'capofila', office: 'UTD associato', email: 'utd@pec.comune.lugo.ra.it', act: { organ: 'Decreto del Sindaco', number: '7/2026', date: '2026-02-01' } },
  phase: 'progettazione',
};
const article = (doc: ReturnType<typeof buildConvenzione>, element: string) => doc.articles.find((a) => a.element === element)!;
const texts = (doc: ReturnType<typeof buildConvenzione>, element: string) =>
  article(doc, element).blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [b.table.header.join('|'), ...b.table.rows.map((r) => r.join('|'))]));

describe('the draft convenzione', () => {
  const doc = buildConvenzione(input);

  it('has an article for every element art. 30 c. 2 TUEL requires, and the added clauses, in order', () => {
    expect(doc.articles.map((a) => a.element)).toEqual(['premesse', 'fini', 'enti', 'capofila', 'durata', 'consultazione', 'rtd', 'rapporti_finanziari', 'obblighi_garanzie', 'adesione', 'recesso', 'norme_finali']);
    for (const element of ART_30_ELEMENTS) expect(article(doc, element).blocks.length, element).toBeGreaterThan(0);
    expect(doc.articles.map((a) => a.heading).slice(1)).toEqual([
      'Art. 1 – Oggetto e fini', 'Art. 2 – Enti aderenti', 'Art. 3 – Ente capofila', 'Art. 4 – Durata', 'Art. 5 – Forme di consultazione: la Conferenza dei sindaci',
      'Art. 6 – Responsabile per la transizione al digitale e ufficio associato', 'Art. 7 – Rapporti finanziari', 'Art. 8 – Obblighi e garanzie reciproche',
      'Art. 9 – Adesione di altri enti', 'Art. 10 – Recesso', 'Art. 11 – Norme finali',
    ]);
    expect(doc.title).toBe('Schema di convenzione per la gestione associata dei servizi digitali «ALI Bassa Romagna»');
    expect(doc.marking).toBe(CONVENZIONE_MARKING);
    expect(doc.marking).toMatch(/^BOZZA DA ADATTARE/);
  });

  it('names the services as its purposes, the members with codes and residents, and the capofila', () => {
    expect(texts(doc, 'fini')).toContain('1) Sportello unico attività produttive (suap);');
    expect(texts(doc, 'fini')).toContain('2) Centrale unica di committenza (cuc);');
    expect(texts(doc, 'enti')).toEqual([
      'Sono parti della presente convenzione i seguenti comuni, ciascuno a seguito dell’approvazione del presente testo da parte del proprio Consiglio comunale:',
      'Comune|Codice ISTAT|Residenti',
      'Lugo (capofila)|039012|32.000',
      'Alfonsine|039002|11.500',
      'Bagnacavallo|039001|—',
    ]);
    expect(texts(doc, 'capofila')[0]).toMatch(/^Il Comune di Lugo \(codice ISTAT 039012\) è individuato quale ente capofila/);
    expect(texts(doc, 'durata')[0]).toContain('durata di cinque anni');
    expect(texts(buildConvenzione({ ...input, durationYears: 3 }), 'durata')[0]).toContain('durata di tre anni');
    expect(texts(buildConvenzione({ ...input, durationYears: 12 }), 'durata')[0]).toContain('durata di 12 anni');
    expect(texts(doc, 'premesse')).toContain('Dato atto che l’alleanza si trova nella fase di «Progettazione» del percorso indicato da AgID;');
    expect(texts(buildConvenzione({ ...input, phase: null }), 'premesse').some((t) => t.includes('Dato atto'))).toBe(false);
    expect(texts(buildConvenzione({ ...input, fees: { ...fees, services: [] } }), 'fini')).toContain('[indicare i servizi gestiti in forma associata];');
  });

  it('writes each member’s share from the fee table to the cent, with the rule and the rounding', () => {
    const rows = texts(doc, 'rapporti_finanziari');
    expect(rows).toContain(`– Sportello unico attività produttive: costo annuo ${formatEuro(1_000_001)}, a carico degli enti ${formatEuro(1_000_001)}, per il 30 % in parti uguali e per il 70 % in proporzione ai residenti degli enti che ricevono il servizio.`);
    expect(rows).toContain(`– Centrale unica di committenza: costo annuo ${formatEuro(300_000)}, a carico degli enti ${formatEuro(250_000)} (costo annuo dedotti i contributi esterni), in parti uguali tra gli enti che ricevono il servizio; contributi esterni: Regione Emilia-Romagna ${formatEuro(50_000)}.`);
    expect(rows.some((r) => r.includes('arrotondate per difetto'))).toBe(true);
    for (const m of fees.members) {
      expect(rows).toContain([m.name, m.code, m.population === null ? '—' : new Intl.NumberFormat('it-IT', { useGrouping: 'always' }).format(m.population), formatEuro(m.feesCents.suap!), formatEuro(m.feesCents.cuc!), formatEuro(m.totalCents)].join('|'));
    }
    expect(rows).toContain(['Totale', '', '', formatEuro(1_000_001), formatEuro(250_000), formatEuro(1_250_001)].join('|'));
    const table = article(doc, 'rapporti_finanziari').blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.table.numeric).toEqual([2, 3, 4, 5]);
  });

  it('places the RTD and its office, or leaves the place to fill in', () => {
    expect(texts(doc, 'rtd')).toEqual([
      'Il Responsabile per la transizione al digitale è individuato in forma associata presso il Comune di Lugo (D.Lgs. 82/2005 (CAD) art. 17 c. 1-septies; Circolare AgID 3/2018) e svolge i compiti di cui all’art. 17 del CAD per tutti gli enti aderenti. La nomina è disposta con atto «Decreto del Sindaco» n. 7/2026 del 1° febbraio 2026.',
      'L’ufficio per la transizione al digitale associato è l’«UTD associato», contattabile all’indirizzo istituzionale utd@pec.comune.lugo.ra.it.',
    ]);
    const elsewhere = texts(buildConvenzione({ ...input, rtd: { seat: 'ciascun_comune', office: 'UTD', email: 'a@b.it', act: null } }), 'rtd');
    expect(elsewhere[0]).toContain('in forma associata in ciascun comune');
    expect(elsewhere[0]).toMatch(/\[indicare l’atto di nomina\]\.$/);
    expect(texts(buildConvenzione({ ...input, rtd: null }), 'rtd')[0]).toContain('[indicare presso quale ente');
  });

  it('cannot be written without a capofila', () => {
    expect(() => buildConvenzione({ ...input, members: members.map((m) => ({ ...m, lead: false })) })).toThrow(/capofila/);
  });

  it('is one text per alliance: the same input gives the same text, any change another', () => {
    const text = convenzioneText(doc);
    expect(convenzioneText(buildConvenzione(input))).toBe(text);
    expect(convenzioneText(buildConvenzione({ ...input, allianceName: 'Altra' }))).not.toBe(text);
    expect(text.startsWith(`${doc.title}\n${doc.marking}\nPremesse\n`)).toBe(true);
    expect(text).toContain('Lugo (capofila)\t039012\t32.000\n');
    expect(text.endsWith('Codice civile.\n')).toBe(true);
  });
});

describe('helpers', () => {
  it('say the sharing rule in words', () => {
    expect(sharingRule(1)).toBe('in parti uguali tra gli enti che ricevono il servizio');
    expect(sharingRule(0)).toBe('in proporzione ai residenti degli enti che ricevono il servizio');
    expect(sharingRule(0.25)).toBe('per il 25 % in parti uguali e per il 75 % in proporzione ai residenti degli enti che ricevono il servizio');
    expect(sharingRule(0.333)).toBe('per il 33,3 % in parti uguali e per il 66,7 % in proporzione ai residenti degli enti che ricevono il servizio');
    expect(sharingRule(0.9999)).toBe('in parti uguali tra gli enti che ricevono il servizio');
    expect(sharingRule(0.0001)).toBe('in proporzione ai residenti degli enti che ricevono il servizio');
  });

  it('write dates as Italian acts do', () => {
    expect(italianDate('2026-03-02')).toBe('2 marzo 2026');
    expect(italianDate('2026-01-01')).toBe('1° gennaio 2026');
    expect(italianDate('2026-12-31')).toBe('31 dicembre 2026');
  });
});

describe('the whole text', () => {
  it('has no empty heading, paragraph or cell header, and the text holds every one of them', () => {
    const doc = buildConvenzione(input);
    const text = convenzioneText(doc);
    for (const a of doc.articles) {
      expect(a.heading.length, a.element).toBeGreaterThan(7);
      expect(text).toContain(`\n${a.heading}\n`);
      for (const block of a.blocks) {
        if (block.kind === 'paragraph') {
          expect(block.text.length, a.element).toBeGreaterThan(30);
          expect(text).toContain(block.text);
        } else {
          for (const h of block.table.header) expect(h.length).toBeGreaterThan(3);
        }
      }
    }
    expect(doc.articles.map((a) => a.blocks.length)).toEqual([6, 4, 2, 2, 1, 3, 2, 7, 3, 1, 1, 1]);
    expect(texts(doc, 'premesse')[0]).toMatch(/^Visto l’art\. 30 del D\.Lgs\. 18 agosto 2000, n\. 267/);
    expect(texts(doc, 'consultazione').join(' ')).toMatch(/almeno due volte l’anno.*maggioranza dei residenti/);
    expect(texts(doc, 'obblighi_garanzie').join(' ')).toMatch(/art\. 28 del Regolamento \(UE\) 2016\/679/);
    expect(texts(doc, 'recesso')[0]).toMatch(/preavviso di almeno sei mesi/);
    expect(texts(doc, 'adesione')[0]).toMatch(/approva il testo senza modifiche/);
    expect(texts(doc, 'norme_finali')[0]).toMatch(/Conferenza dei sindaci/);
    expect(texts(doc, 'rapporti_finanziari').at(-1)).toMatch(/entro il 30 giugno e il 30 novembre/);
  });

  it('says the duration in words from one to ten years', () => {
    const words = ['un anno', 'due anni', 'tre anni', 'quattro anni', 'cinque anni', 'sei anni', 'sette anni', 'otto anni', 'nove anni', 'dieci anni'];
    words.forEach((w, i) => expect(texts(buildConvenzione({ ...input, durationYears: i + 1 }), 'durata')[0]).toContain(`durata di ${w} a decorrere`));
  });
});
