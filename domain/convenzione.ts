import { formatEuro } from './fees';
import type { FeeReport } from './fee-report';
import { PHASE_LABELS, RTD_REFERENCE, RTD_SEAT_LABELS, type Phase, type Rtd } from './governance';

/**
 * A draft *schema di convenzione* (TUEL art. 30) for an alliance, as a document model: numbered
 * articles of paragraphs and tables, rendered to .docx and HTML by the server. Every element
 * art. 30 c. 2 requires has its article: purposes (fini), duration, forms of consultation,
 * financial relations, mutual obligations and guarantees. Pure: the same alliance always gives
 * the same text, so its SHA-256 identifies the version.
 */

export interface ConvenzioneMember {
  code: string;
  name: string;
  population: number | null;
  lead: boolean;
}

export interface ConvenzioneInput {
  allianceName: string;
  /** The territory's members (proposed and adhered): the parties the text is written for. */
  members: readonly ConvenzioneMember[];
  /** The fee table of the same members (cost-sharing model). */
  fees: FeeReport;
  rtd: Rtd | null;
  phase: Phase | null;
  /** Duration in years (default five). */
  durationYears?: number;
}

export interface ConvenzioneTable {
  header: string[];
  rows: string[][];
  /** Right-aligned columns (figures). */
  numeric: number[];
}

export type ConvenzioneBlock = { kind: 'paragraph'; text: string } | { kind: 'table'; table: ConvenzioneTable };

export interface ConvenzioneArticle {
  /** What the article covers, for tests and indexes: an art. 30 c. 2 element or one of the added clauses. */
  element: 'premesse' | 'fini' | 'enti' | 'capofila' | 'durata' | 'consultazione' | 'rtd' | 'rapporti_finanziari' | 'obblighi_garanzie' | 'adesione' | 'recesso' | 'norme_finali';
  heading: string;
  blocks: ConvenzioneBlock[];
}

export interface ConvenzioneDocument {
  title: string;
  /** "Bozza da adattare": the text is a starting point for each council, not a final act. */
  marking: string;
  articles: ConvenzioneArticle[];
}

/** The elements art. 30 c. 2 TUEL requires of a convenzione. */
export const ART_30_ELEMENTS = ['fini', 'durata', 'consultazione', 'rapporti_finanziari', 'obblighi_garanzie'] as const;

export const CONVENZIONE_MARKING = 'BOZZA DA ADATTARE — schema generato da ALI Atlas: ogni ente lo verifica e lo adatta prima dell’approvazione consiliare.';

const residents = (population: number | null) => (population === null ? '—' : new Intl.NumberFormat('it-IT', { useGrouping: 'always' }).format(population));
const DURATION_WORDS: Record<number, string> = { 1: 'un anno', 2: 'due anni', 3: 'tre anni', 4: 'quattro anni', 5: 'cinque anni', 6: 'sei anni', 7: 'sette anni', 8: 'otto anni', 9: 'nove anni', 10: 'dieci anni' };
const paragraph = (text: string): ConvenzioneBlock => ({ kind: 'paragraph', text });

/** How a service's charge is split, in words: the rule the shares follow. */
export function sharingRule(equalShare: number): string {
  const equal = Math.round(equalShare * 1000) / 10;
  if (equal >= 100) return 'in parti uguali tra gli enti che ricevono il servizio';
  if (equal <= 0) return 'in proporzione ai residenti degli enti che ricevono il servizio';
  const fmt = (v: number) => new Intl.NumberFormat('it-IT', { maximumFractionDigits: 1 }).format(v);
  return `per il ${fmt(equal)} % in parti uguali e per il ${fmt(100 - equal)} % in proporzione ai residenti degli enti che ricevono il servizio`;
}

/** The draft convenzione of an alliance whose legal form is a convenzione with a capofila. */
export function buildConvenzione(input: ConvenzioneInput): ConvenzioneDocument {
  const lead = input.members.find((m) => m.lead);
  if (!lead) throw new Error('A convenzione needs a capofila among its members');
  const years = input.durationYears ?? 5;
  const duration = DURATION_WORDS[years] ?? `${years} anni`;
  const capofila = `Comune di ${lead.name}`;
  const services = input.fees.services;

  return {
    title: `Schema di convenzione per la gestione associata dei servizi digitali «${input.allianceName}»`,
    marking: CONVENZIONE_MARKING,
    articles: [
      {
        element: 'premesse',
        heading: 'Premesse',
        blocks: [
          paragraph('Visto l’art. 30 del D.Lgs. 18 agosto 2000, n. 267 (TUEL), secondo il quale gli enti locali, al fine di svolgere in modo coordinato funzioni e servizi determinati, possono stipulare tra loro apposite convenzioni;'),
          paragraph('Visto l’art. 17, comma 1-septies, del D.Lgs. 7 marzo 2005, n. 82 (Codice dell’amministrazione digitale) e la Circolare AgID n. 3/2018, che consentono di individuare in forma associata il Responsabile per la transizione al digitale;'),
          paragraph('Visto il Piano Triennale per l’informatica nella Pubblica Amministrazione 2024–2026 di AgID e il relativo «Strumento 2 – Gestione associata dell’ICT»;'),
          paragraph('Visto l’art. 14, commi 28 e seguenti, del D.L. 31 maggio 2010, n. 78, convertito dalla L. 30 luglio 2010, n. 122, sull’esercizio associato delle funzioni fondamentali dei comuni;'),
          ...(input.phase ? [paragraph(`Dato atto che l’alleanza si trova nella fase di «${PHASE_LABELS[input.phase].it}» del percorso indicato da AgID;`)] : []),
          paragraph('tra gli enti sottoscrittori elencati all’art. 2 si conviene e si stipula quanto segue.'),
        ],
      },
      {
        element: 'fini',
        heading: 'Art. 1 – Oggetto e fini',
        blocks: [
          paragraph('La presente convenzione ha per oggetto la gestione associata dei seguenti servizi digitali, al fine di garantirne l’efficienza, l’economicità e la qualità per tutti i cittadini e le imprese del territorio degli enti aderenti:'),
          ...(services.length > 0
            ? services.map((s, i) => paragraph(`${i + 1}) ${s.name.it} (${s.code});`))
            : [paragraph('[indicare i servizi gestiti in forma associata];')]),
          paragraph('Gli enti perseguono inoltre l’armonizzazione dei sistemi informativi, l’interoperabilità dei dati e la crescita delle competenze digitali del personale.'),
        ],
      },
      {
        element: 'enti',
        heading: 'Art. 2 – Enti aderenti',
        blocks: [
          paragraph('Sono parti della presente convenzione i seguenti comuni, ciascuno a seguito dell’approvazione del presente testo da parte del proprio Consiglio comunale:'),
          {
            kind: 'table',
            table: {
              header: ['Comune', 'Codice ISTAT', 'Residenti'],
              rows: input.members.map((m) => [`${m.name}${m.lead ? ' (capofila)' : ''}`, m.code, residents(m.population)]),
              numeric: [2],
            },
          },
        ],
      },
      {
        element: 'capofila',
        heading: 'Art. 3 – Ente capofila',
        blocks: [
          paragraph(`Il ${capofila} (codice ISTAT ${lead.code}) è individuato quale ente capofila ai sensi dell’art. 30, comma 4, del TUEL. Esso esercita le funzioni e gestisce i servizi di cui all’art. 1 in nome e per conto degli enti aderenti, adotta gli atti di gestione necessari e ne risponde agli enti aderenti.`),
          paragraph('L’ente capofila può costituire presso di sé un ufficio comune, con personale proprio e con personale distaccato o comandato dagli enti aderenti.'),
        ],
      },
      {
        element: 'durata',
        heading: 'Art. 4 – Durata',
        blocks: [
          paragraph(`La presente convenzione ha durata di ${duration} a decorrere dalla data della sua sottoscrizione e può essere rinnovata, alla scadenza, con deliberazione dei Consigli comunali degli enti aderenti.`),
        ],
      },
      {
        element: 'consultazione',
        heading: 'Art. 5 – Forme di consultazione: la Conferenza dei sindaci',
        blocks: [
          paragraph('È istituita la Conferenza dei sindaci, composta dai sindaci degli enti aderenti o da loro delegati, quale sede di consultazione degli enti e di indirizzo e controllo sulla gestione associata.'),
          paragraph('La Conferenza è convocata e presieduta dal sindaco dell’ente capofila, si riunisce almeno due volte l’anno e ogni volta che ne faccia richiesta un terzo degli enti aderenti. Approva il programma annuale delle attività, il riparto delle spese e la relazione annuale sulla gestione.'),
          paragraph('La Conferenza delibera a maggioranza degli enti presenti che rappresenti anche la maggioranza dei residenti degli enti aderenti.'),
        ],
      },
      {
        element: 'rtd',
        heading: 'Art. 6 – Responsabile per la transizione al digitale e ufficio associato',
        blocks: rtdBlocks(input.rtd, capofila),
      },
      {
        element: 'rapporti_finanziari',
        heading: 'Art. 7 – Rapporti finanziari',
        blocks: financialBlocks(input),
      },
      {
        element: 'obblighi_garanzie',
        heading: 'Art. 8 – Obblighi e garanzie reciproche',
        blocks: [
          paragraph('L’ente capofila si obbliga a: gestire i servizi con la diligenza dovuta e nel rispetto delle norme; tenere una contabilità separata delle entrate e delle spese della gestione associata; presentare alla Conferenza dei sindaci, entro il 30 aprile di ogni anno, il rendiconto e la relazione sull’attività dell’anno precedente; garantire a ciascun ente l’accesso ai dati e ai documenti relativi ai propri cittadini.'),
          paragraph('Ciascun ente aderente si obbliga a: versare la propria quota nei termini stabiliti; mettere a disposizione i dati, le informazioni e il personale necessari; individuare un proprio referente per la gestione associata; adottare gli atti di propria competenza necessari al funzionamento dei servizi.'),
          paragraph('Gli enti si garantiscono reciprocamente la continuità dei servizi e la tutela dei dati personali: l’ente capofila tratta i dati per conto degli enti aderenti quale responsabile del trattamento ai sensi dell’art. 28 del Regolamento (UE) 2016/679, sulla base di un apposito atto.'),
        ],
      },
      {
        element: 'adesione',
        heading: 'Art. 9 – Adesione di altri enti',
        blocks: [
          paragraph('Altri enti possono aderire alla presente convenzione, previo parere favorevole della Conferenza dei sindaci, mediante deliberazione del proprio Consiglio comunale che ne approva il testo senza modifiche. La quota del nuovo ente è determinata secondo i criteri dell’art. 7 a decorrere dall’esercizio successivo.'),
        ],
      },
      {
        element: 'recesso',
        heading: 'Art. 10 – Recesso',
        blocks: [
          paragraph('Ciascun ente può recedere dalla convenzione con deliberazione consiliare comunicata agli altri enti con preavviso di almeno sei mesi. Il recesso ha effetto dal 1° gennaio dell’anno successivo; restano fermi gli obblighi finanziari assunti per l’anno in corso e per gli impegni pluriennali già approvati.'),
        ],
      },
      {
        element: 'norme_finali',
        heading: 'Art. 11 – Norme finali',
        blocks: [
          paragraph('Le controversie tra gli enti sono sottoposte in primo luogo alla Conferenza dei sindaci per una composizione bonaria. Per quanto non previsto si rinvia alle norme del TUEL e del Codice civile.'),
        ],
      },
    ],
  };
}

function rtdBlocks(rtd: Rtd | null, capofila: string): ConvenzioneBlock[] {
  if (!rtd) {
    return [paragraph(`Gli enti individuano in forma associata il Responsabile per la transizione al digitale (${RTD_REFERENCE}) e l’ufficio per la transizione al digitale [indicare presso quale ente, l’ufficio e il suo recapito istituzionale].`)];
  }
  const where = rtd.seat === 'capofila' ? `presso il ${capofila}` : RTD_SEAT_LABELS[rtd.seat].it;
  const act = rtd.act ? ` La nomina è disposta con atto «${rtd.act.organ}» n. ${rtd.act.number} del ${italianDate(rtd.act.date)}.` : ' [indicare l’atto di nomina].';
  return [
    paragraph(`Il Responsabile per la transizione al digitale è individuato in forma associata ${where} (${RTD_REFERENCE}) e svolge i compiti di cui all’art. 17 del CAD per tutti gli enti aderenti.${act}`),
    paragraph(`L’ufficio per la transizione al digitale associato è l’«${rtd.office}», contattabile all’indirizzo istituzionale ${rtd.email}.`),
  ];
}

function financialBlocks(input: ConvenzioneInput): ConvenzioneBlock[] {
  const { fees } = input;
  const blocks: ConvenzioneBlock[] = [
    paragraph('Le spese della gestione associata sono ripartite tra gli enti secondo il modello di riparto delle quote seguente; per ciascun servizio la spesa a carico degli enti è ripartita:'),
    ...fees.services.map((s) => {
      const grants = s.grantsCents > 0 ? `; contributi esterni: ${s.grants.map((g) => `${g.source} ${formatEuro(g.amountCents)}`).join(', ')}` : '';
      const basis = s.chargeBasis === 'cost_less_grants' ? ' (costo annuo dedotti i contributi esterni)' : '';
      return paragraph(`– ${s.name.it}: costo annuo ${formatEuro(s.annualCostCents)}, a carico degli enti ${formatEuro(s.chargedCents)}${basis}, ${sharingRule(s.equalShare)}${grants}.`);
    }),
    paragraph('Le quote sono calcolate al centesimo: le frazioni di centesimo sono arrotondate per difetto e i centesimi residui sono attribuiti uno per ente in ordine decrescente di resto (a parità di resto, all’ente con codice ISTAT minore), così che la somma delle quote sia pari alla spesa di ciascun servizio.'),
    paragraph('Le quote annue di ciascun ente, ai valori della presente versione, sono le seguenti:'),
    {
      kind: 'table',
      table: {
        header: ['Comune', 'Codice ISTAT', 'Residenti', ...fees.services.map((s) => s.name.it), 'Quota annua'],
        rows: [
          ...fees.members.map((m) => [m.name, m.code, residents(m.population), ...fees.services.map((s) => formatEuro(m.feesCents[s.code] ?? 0)), formatEuro(m.totalCents)]),
          ['Totale', '', '', ...fees.services.map((s) => formatEuro(s.chargedCents)), formatEuro(fees.members.reduce((sum, m) => sum + m.totalCents, 0))],
        ],
        numeric: [2, ...fees.services.map((_s, i) => 3 + i), 3 + fees.services.length],
      },
    },
    paragraph('Le quote sono versate all’ente capofila in due rate, entro il 30 giugno e il 30 novembre di ogni anno, e sono aggiornate ogni anno dalla Conferenza dei sindaci con lo stesso criterio.'),
  ];
  return blocks;
}

/** "2026-03-02" → "2 marzo 2026". */
export function italianDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const months = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];
  return `${d === 1 ? '1°' : d} ${months[m - 1]} ${y}`;
}

/** The text a version is identified by: every heading, paragraph and cell, one per line. */
export function convenzioneText(doc: ConvenzioneDocument): string {
  const lines = [doc.title, doc.marking];
  for (const article of doc.articles) {
    lines.push(article.heading);
    for (const block of article.blocks) {
      if (block.kind === 'paragraph') lines.push(block.text);
      else for (const row of [block.table.header, ...block.table.rows]) lines.push(row.join('\t'));
    }
  }
  return `${lines.join('\n')}\n`;
}
