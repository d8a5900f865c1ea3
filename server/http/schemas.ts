import { z } from 'zod';
import { ASSOCIATION_KINDS } from '../../domain/associations';
import { ALLIANCE_LIMITS, ALLIANCE_STATUSES, GRANT_LIMITS, MEMBER_STATUSES, PARTNER_KINDS, SERVICE_LIMITS } from '../../domain/alliance';
import { ADHESION_DECISIONS, ADHESION_LIMITS, ADHESION_ORGANS } from '../../domain/adhesion';
import { DECLARED_FACTORS, GOVERNANCE_LIMITS, LEGAL_FORMS, PHASES, RTD_SEATS, SURVEY_ITEMS, SURVEY_STATUSES } from '../../domain/governance';
import { ruleSet } from '../../domain/rule-sets';
import { SERVICE_CODE_PATTERN, SERVICE_PROVIDER_KINDS } from '../../domain/services';

/** The largest value of a PostgreSQL `integer` column (ids, versions): a larger one is no row, and an error in SQL. */
export const DATABASE_INTEGER_MAX = 2_147_483_647;

export const comuneCode = z.string().regex(/^\d{6}$/, 'un codice ISTAT di comune ha 6 cifre / a Comune ISTAT code has 6 digits');

/** Up to this many members in one request: more than every Comune in Italy. */
export const MAX_MEMBERS = 8000;

export const membersBody = z.object({
  members: z.array(comuneCode).min(1, 'almeno un comune / at least one Comune').max(MAX_MEMBERS),
});

/** A pasted list of ISTAT codes or names, one per entry. */
export const resolveBody = z.object({
  entries: z.array(z.string().max(200)).min(1, 'almeno una riga / at least one line').max(MAX_MEMBERS),
});

export const searchQuery = z.object({
  q: z.string().trim().min(1, 'scrivi almeno un carattere / type at least one character').max(100),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

/** A cursor's time: as `listAlliances` writes it (UTC, to the microsecond), on a day that exists. */
const cursorTime = z
  .string()
  .regex(/^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/)
  .refine((t) => {
    const year = Number(t.slice(0, 4));
    const date = new Date(`${t.slice(0, 23)}Z`);
    return year >= 1900 && year <= 2199 && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 19) === t.slice(0, 19);
  });

/** What a list cursor holds: the last row's change time and id (a PostgreSQL integer). */
const cursorContent = z.tuple([cursorTime, z.number().int().min(1).max(DATABASE_INTEGER_MAX)]);

/** `GET /api/alliances?q=`: an alliance's name, or the name of one of its member Comuni. */
export const allianceListQuery = z.object({
  q: z.string().trim().max(100, 'al massimo 100 caratteri / at most 100 characters').default(''),
  limit: z.coerce.number().int().min(1).max(500, 'al massimo 500 per pagina / at most 500 per page').default(200),
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z
    .string()
    .max(200)
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return undefined;
      let content: unknown;
      try {
        content = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
      } catch {
        // reported below
      }
      const read = cursorContent.safeParse(content);
      if (read.success) return { updatedAt: read.data[0], id: read.data[1] };
      ctx.addIssue({ code: 'custom', message: 'cursore non valido: usa il nextCursor della pagina precedente / invalid cursor: use the previous page’s nextCursor' });
      return z.NEVER;
    }),
});

/** Writes the cursor that `allianceListQuery` reads. */
export const listCursor = (row: { updatedAt: string; id: number }) => Buffer.from(JSON.stringify([row.updatedAt, row.id])).toString('base64url');

/** `GET /api/alliances.geojson?bbox=w,s,e,n&limit=` */
/** `bbox=west,south,east,north` in degrees (WGS 84 longitude, latitude). */
export const bboxParam = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value === '') return undefined;
    const parts = value.split(',').map(Number);
    const [w, s, e, n] = parts as [number, number, number, number];
    if (parts.length === 4 && parts.every(Number.isFinite) && w < e && s < n && w >= -180 && e <= 180 && s >= -90 && n <= 90) return [w, s, e, n] as [number, number, number, number];
    ctx.addIssue({ code: 'custom', message: 'bbox: ovest,sud,est,nord in gradi / bbox: west,south,east,north in degrees' });
    return z.NEVER;
  });

export const allianceOutlinesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(5000, 'al massimo 5.000 contorni / at most 5,000 outlines').default(1000),
  bbox: bboxParam,
});

/** Longitude and latitude in degrees. */
const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number());

/** A closed ring: first and last positions equal, at least three corners. */
const ring = z
  .array(position)
  .min(4, 'un anello ha almeno 4 posizioni / a ring has at least 4 positions')
  .max(5000, 'al massimo 5.000 vertici: semplifica il disegno / at most 5,000 vertices: simplify the drawing')
  .refine((r) => r.length > 0 && r[0]![0] === r[r.length - 1]![0] && r[0]![1] === r[r.length - 1]![1], "l'anello non è chiuso / the ring is not closed");

/** A drawn area (lasso, polygon or rectangle) and how much of a Comune must fall inside it. */
export const withinBody = z.object({
  polygon: z.object({
    type: z.literal('Polygon'),
    coordinates: z
      .array(ring)
      .min(1, 'serve almeno un anello / at least one ring is needed')
      .max(50)
      .refine((rings) => rings.reduce((n, r) => n + r.length, 0) <= 10_000, 'al massimo 10.000 vertici in tutto / at most 10,000 vertices in all'),
  }),
  minShare: z.number().gt(0).max(1).default(0.5),
  /** Also list, as `partial`, the Comuni with at least this share inside (below `minShare`). */
  partialShare: z.number().gt(0).max(1).optional(),
});

export const associationsQuery = z.object({
  kind: z.enum(ASSOCIATION_KINDS).optional(),
});

export const numericId = z.string().regex(/^\d{1,9}$/, "l'identificativo è un numero / the id is a number").transform(Number);

const plainText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `al massimo ${max} caratteri / at most ${max} characters`)
    // Control characters have no place in a name or a description (new lines are fine).
    .refine((s) => ![...s].some(isControl), 'caratteri di controllo non ammessi / control characters are not allowed')
    // Nor have the invisible ones that reverse how the text around them reads ("ALI\u202Eonul" shows as "ALIluno").
    .refine((s) => !BIDI_CONTROL.test(s), 'caratteri che invertono la direzione del testo non ammessi / text-direction override characters are not allowed');

/** Control characters other than tab and new lines. */
function isControl(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127;
}

/** Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they can disguise a name. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * A member as the founder lists it. `status` may be left out: a new member is proposed, an existing
 * one keeps the status its own act gave it (any other value is refused: only the Comune decides).
 */
export const allianceMember = z
  .object({
    code: comuneCode,
    status: z.enum(MEMBER_STATUSES).optional(),
    lead: z.boolean().default(false),
  })
  .strict();

/**
 * A participating body. Not strict, unlike a member: the client sends back a partner as it read it
 * (with its `status` and `act`, which only the body's own decision sets), and those are ignored.
 */
export const alliancePartner = z.object({
  kind: z.enum(PARTNER_KINDS),
  name: plainText(ALLIANCE_LIMITS.name).pipe(z.string().min(1, 'il nome è obbligatorio / the name is required')),
  role: plainText(ALLIANCE_LIMITS.role).nullish(),
});

export const serviceCode = z
  .string()
  .regex(SERVICE_CODE_PATTERN, 'codice di servizio: 2–40 lettere minuscole, cifre o trattini / service code: 2–40 lower-case letters, digits or hyphens');

/** Whole cents of a yearly amount. */
const cents = z
  .number()
  .int('importo in centesimi interi / amount in whole cents')
  .min(0, 'importo negativo / negative amount')
  .max(SERVICE_LIMITS.costCents, 'importo troppo alto / amount too large');

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'data nel formato AAAA-MM-GG / date as YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'data inesistente / no such date')
  .refine((d) => d >= '1900-01-01' && d <= '2199-12-31', 'data tra il 1900 e il 2199 / date between 1900 and 2199');

/** A role address (an e-mail or PEC); checked in full by the governance rules, which name the field. */
const roleEmail = plainText(GOVERNANCE_LIMITS.email).pipe(z.string().min(1, "l'indirizzo è obbligatorio / the address is required"));
const governanceNote = plainText(GOVERNANCE_LIMITS.note).nullish();

const surveyEntry = z.object({ status: z.enum(SURVEY_STATUSES), note: governanceNote }).strict();

/** One step of the phase timeline with its evidence (AgID, Strumento 2). */
const phaseEntry = z
  .object({
    phase: z.enum(PHASES),
    date: isoDate,
    note: governanceNote,
    survey: z.record(comuneCode, z.partialRecord(z.enum(SURVEY_ITEMS), surveyEntry)).nullish(),
    governance: governanceNote,
    contacts: z
      .array(z.object({ code: comuneCode, office: plainText(GOVERNANCE_LIMITS.office).pipe(z.string().min(1, "l'ufficio è obbligatorio / the office is required")), email: roleEmail }).strict())
      .max(ALLIANCE_LIMITS.members)
      .nullish(),
  })
  .strict();

/** The governance record: existing Unione extended, shared RTD, phases, declared success factors. */
export const governanceRecord = z
  .object({
    existingUnione: z.number().int().positive().max(DATABASE_INTEGER_MAX, "nessuna Unione con questo identificativo / no Unione with this id").nullish(),
    rtd: z
      .object({
        seat: z.enum(RTD_SEATS),
        office: plainText(GOVERNANCE_LIMITS.office).pipe(z.string().min(1, "il nome dell'ufficio è obbligatorio / the office's name is required")),
        email: roleEmail,
        act: z
          .object({
            organ: plainText(GOVERNANCE_LIMITS.office).pipe(z.string().min(1, "indica l'organo / name the organ")),
            number: plainText(GOVERNANCE_LIMITS.actNumber).pipe(z.string().min(1, "il numero dell'atto è obbligatorio / the act's number is required")),
            date: isoDate,
          })
          .strict()
          .nullish(),
      })
      .strict()
      .nullish(),
    phases: z.array(phaseEntry).max(GOVERNANCE_LIMITS.phases).default([]),
    factors: z.array(z.enum(DECLARED_FACTORS)).max(DECLARED_FACTORS.length).default([]),
  })
  .strict();

export const legalForm = z.enum(LEGAL_FORMS).nullable();

export const allianceService = z
  .object({
    code: serviceCode,
    provider: z.object({ kind: z.enum(SERVICE_PROVIDER_KINDS), ref: plainText(ALLIANCE_LIMITS.name).nullish() }).strict(),
    since: isoDate.nullish(),
    annualCostCents: cents,
    chargedCents: cents.nullish(),
    equalShare: z.number().min(0, 'quota uguale tra 0 e 1 / equal share between 0 and 1').max(1, 'quota uguale tra 0 e 1 / equal share between 0 and 1'),
    recipients: z.array(comuneCode).max(ALLIANCE_LIMITS.members).nullish(),
    grants: z
      .array(
        z
          .object({
            source: plainText(GRANT_LIMITS.source).pipe(z.string().min(1, 'indica chi finanzia / name who funds it')),
            amountCents: cents,
          })
          .strict(),
      )
      .max(GRANT_LIMITS.grants, `al massimo ${GRANT_LIMITS.grants} contributi per servizio / at most ${GRANT_LIMITS.grants} grants per service`)
      .nullish(),
  })
  .strict();

const allianceFields = {
  name: plainText(ALLIANCE_LIMITS.name).pipe(z.string().min(1, 'il nome è obbligatorio / the name is required')),
  description: plainText(ALLIANCE_LIMITS.description).default(''),
  members: z.array(allianceMember).min(1, 'almeno un comune / at least one Comune').max(ALLIANCE_LIMITS.members),
  partners: z.array(alliancePartner).max(ALLIANCE_LIMITS.partners).default([]),
  status: z.enum(ALLIANCE_STATUSES).default('draft'),
  ruleSet: z.string().refine((id) => ruleSet(id) !== undefined, 'insieme di regole sconosciuto / unknown rule set').optional(),
  services: z.array(allianceService).max(SERVICE_LIMITS.services).default([]),
  runningCostCents: cents.default(0),
  legalForm: legalForm.default(null),
  governance: governanceRecord.optional(),
};

export const allianceBody = z.object(allianceFields).strict();

/** A change: any of the fields; what is left out stays as it is. */
export const alliancePatch = z
  .object({
    name: allianceFields.name.optional(),
    description: plainText(ALLIANCE_LIMITS.description).optional(),
    members: allianceFields.members.optional(),
    partners: z.array(alliancePartner).max(ALLIANCE_LIMITS.partners).optional(),
    status: z.enum(ALLIANCE_STATUSES).optional(),
    ruleSet: allianceFields.ruleSet,
    services: z.array(allianceService).max(SERVICE_LIMITS.services).optional(),
    runningCostCents: cents.optional(),
    legalForm: legalForm.optional(),
    governance: governanceRecord.optional(),
  })
  .strict();


const bilingual = (max: number, required: boolean) =>
  z
    .object({
      it: required ? plainText(max).pipe(z.string().min(1, 'il nome italiano è obbligatorio / the Italian name is required')) : plainText(max).default(''),
      en: required ? plainText(max).pipe(z.string().min(1, 'il nome inglese è obbligatorio / the English name is required')) : plainText(max).default(''),
    })
    .strict();


/** A new entry of the service catalogue (administrators only). */
export const serviceBody = z
  .object({
    code: serviceCode,
    kind: z.enum(['fundamental', 'digital']).default('digital'),
    name: bilingual(160, true),
    description: bilingual(1000, false).default({ it: '', en: '' }),
    reference: plainText(200).default(''),
    obligation: z.boolean().default(false),
  })
  .strict();

/** A change to a catalogue entry: rename, describe, or retire / restore with `retired`. */
export const servicePatch = z
  .object({
    name: bilingual(160, true).optional(),
    description: bilingual(1000, false).optional(),
    reference: plainText(200).optional(),
    obligation: z.boolean().optional(),
    retired: z.boolean().optional(),
  })
  .strict();

export const contiguityExceptionBody = z
  .object({
    reason: plainText(500).pipe(z.string().min(3, 'scrivi il motivo (ad es. il collegamento in traghetto) / give the reason (e.g. the ferry link)')),
  })
  .strict();

/** A member's (or body's) decision on an alliance, with the act that records it. */
export const adhesionBody = z
  .object({
    decision: z.enum(ADHESION_DECISIONS),
    organ: z.enum(ADHESION_ORGANS),
    actNumber: plainText(ADHESION_LIMITS.actNumber).pipe(z.string().min(1, "il numero dell'atto è obbligatorio / the act's number is required")),
    actDate: isoDate.refine((d) => d <= new Date(Date.now() + 86_400_000).toISOString().slice(0, 10), "la data dell'atto è nel futuro / the act's date is in the future"),
    actUrl: z
      .string()
      .trim()
      .max(ADHESION_LIMITS.url, `al massimo ${ADHESION_LIMITS.url} caratteri / at most ${ADHESION_LIMITS.url} characters`)
      .refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), "l'indirizzo dell'atto deve iniziare con https:// / the act's address must start with https://")
      .nullish(),
    note: plainText(ADHESION_LIMITS.note).nullish(),
    /** The version of the convenzione text the act approved (see GET /api/alliances/:id/convenzione/versions). */
    convenzioneVersion: z.number().int('un numero di versione intero / a whole version number').min(1, 'versione da 1 in su / version from 1 up').nullish(),
  })
  .strict();

/** Whose invitation to issue again: a member Comune or a participating body. */
export const invitationBody = z.union([
  z.object({ code: comuneCode }).strict(),
  z.object({ partner: plainText(ALLIANCE_LIMITS.name).pipe(z.string().min(1, 'il nome è obbligatorio / the name is required')) }).strict(),
]);

/** `GET /api/alliances/:id/history?limit=` */
export const historyQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000, 'al massimo 1.000 voci / at most 1,000 entries').default(200),
});

/** `?v=`: the data version a URL names (tiles, the atlas table); with it, the answer is cached as immutable. */
export const versionQuery = z.object({ v: z.string().optional().describe('the data version: with it, the answer is cached as immutable') });

/** `GET /api/services?include=retired`. */
export const servicesQuery = z.object({ include: z.literal('retired').optional().describe('also list retired services') });
