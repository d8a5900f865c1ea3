import type { Knex } from 'knex';

/**
 * The service catalogue (seeded with the fundamental functions and the default digital services),
 * the services each alliance provides with their cost-sharing rule, and the contiguity exception
 * an administrator may record on an alliance.
 */
const up = [
  `ALTER TABLE alliances ADD COLUMN contiguity_exception text`,
  `ALTER TABLE alliances ADD COLUMN running_cost_cents bigint NOT NULL DEFAULT 0 CHECK (running_cost_cents >= 0)`,
  `CREATE TABLE services (
     code text PRIMARY KEY CHECK (code ~ '^[a-z0-9-]{2,40}$'),
     kind text NOT NULL CHECK (kind IN ('fundamental', 'digital')),
     letter text,
     name_it text NOT NULL,
     name_en text NOT NULL,
     description_it text NOT NULL DEFAULT '',
     description_en text NOT NULL DEFAULT '',
     reference text NOT NULL DEFAULT '',
     obligation boolean NOT NULL DEFAULT false,
     position integer NOT NULL,
     retired_at timestamptz,
     updated_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE service_history (
     id serial PRIMARY KEY,
     service_code text NOT NULL REFERENCES services (code),
     action text NOT NULL CHECK (action IN ('created', 'updated', 'retired', 'restored')),
     snapshot jsonb NOT NULL,
     at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE alliance_services (
     alliance_id integer NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
     service_code text NOT NULL REFERENCES services (code),
     position integer NOT NULL,
     provider_kind text NOT NULL CHECK (provider_kind IN ('alliance', 'lead', 'member', 'partner')),
     provider_ref text,
     since date,
     annual_cost_cents bigint NOT NULL DEFAULT 0 CHECK (annual_cost_cents >= 0),
     charged_cents bigint CHECK (charged_cents >= 0),
     equal_share numeric(10, 9) NOT NULL DEFAULT 0 CHECK (equal_share BETWEEN 0 AND 1),
     recipients text[],
     PRIMARY KEY (alliance_id, service_code)
   )`,
  `CREATE INDEX alliance_services_service_idx ON alliance_services (service_code)`,
];

/**
 * The catalogue as it was seeded, frozen here: a migration never reads today's constants, so that a
 * fresh database and an upgraded one hold the same rows (later changes to the default catalogue take
 * a migration of their own).
 */
interface SeededService {
  code: string;
  kind: 'fundamental' | 'digital';
  letter?: string;
  name: { it: string; en: string };
  description: { it: string; en: string };
  reference: string;
  obligation: boolean;
}

const SEEDED_SERVICES: readonly SeededService[] = [
  {
    "code": "ff-a",
    "kind": "fundamental",
    "letter": "a",
    "name": {
      "it": "Organizzazione generale dell'amministrazione, gestione finanziaria e contabile e controllo",
      "en": "General organisation of the administration, financial and accounting management and control"
    },
    "description": {
      "it": "Uffici, personale, bilancio, contabilità e controlli interni dell'ente.",
      "en": "Offices, staff, budget, accounts and internal controls of the body."
    },
    "reference": "DL 78/2010 art. 14 c. 27, lett. a)",
    "obligation": true
  },
  {
    "code": "ff-b",
    "kind": "fundamental",
    "letter": "b",
    "name": {
      "it": "Servizi pubblici di interesse generale di ambito comunale, compreso il trasporto pubblico comunale",
      "en": "Local public services of general interest, including municipal public transport"
    },
    "description": {
      "it": "Organizzazione dei servizi pubblici locali d'interesse generale, compresi i servizi di trasporto pubblico comunale.",
      "en": "Organisation of the local public services of general interest, including municipal public transport."
    },
    "reference": "DL 78/2010 art. 14 c. 27, lett. b)",
    "obligation": true
  },
  {
    "code": "ff-c",
    "kind": "fundamental",
    "letter": "c",
    "name": {
      "it": "Catasto, ad eccezione delle funzioni mantenute allo Stato",
      "en": "Cadastre, except the functions kept by the State"
    },
    "description": {
      "it": "Funzioni catastali di competenza comunale.",
      "en": "Cadastral functions that fall to the Comuni."
    },
    "reference": "DL 78/2010 art. 14 c. 27, lett. c)",
    "obligation": true
  },
  {
    "code": "ff-d",
    "kind": "fundamental",
    "letter": "d",
    "name": {
      "it": "Pianificazione urbanistica ed edilizia di ambito comunale e partecipazione alla pianificazione territoriale sovracomunale",
      "en": "Municipal town and building planning, and participation in supra-municipal territorial planning"
    },
    "description": {
      "it": "Piani urbanistici, regolamenti edilizi e contributo ai piani territoriali di livello superiore.",
      "en": "Town plans, building regulations and contribution to higher-level territorial plans."
    },
    "reference": "DL 78/2010 art. 14 c. 27, lett. d)",
    "obligation": true
  },
  {
    "code": "ff-e",
    "kind": "fundamental",
    "letter": "e",
    "name": {
      "it": "Pianificazione di protezione civile e coordinamento dei primi soccorsi",
      "en": "Civil-protection planning and first-aid coordination"
    },
    "description": {
      "it": "Attività, in ambito comunale, di pianificazione di protezione civile e di coordinamento dei primi soccorsi.",
      "en": "Municipal civil-protection planning and coordination of first aid."
    },
    "reference": "DL 78/2010 art. 14 c. 27, lett. e)",
    "obligation": true
  },
  {
    "code": "ff-f",
    "kind": "fundamental",
    "letter": "f",
    "name": {
      "it": "Raccolta, avvio, smaltimento e recupero dei rifiuti urbani e riscossione dei relativi tributi",
      "en": "Urban waste collection, disposal and recovery, and collection of the related taxes"
    },
    "description": {
      "it": "Organizzazione e gestione dei servizi di raccolta, avvio e smaltimento e recupero dei rifiuti urbani e riscossione dei relativi tributi.",
      "en": "Organisation and management of urban waste collection, disposal and recovery, and collection of the related taxes."
    },
    "reference": "DL 78/2010 art. 14 c. 27, lett. f)",
    "obligation": true
  },
  {
    "code": "ff-g",
    "kind": "fundamental",
    "letter": "g",
    "name": {
      "it": "Sistema locale dei servizi sociali ed erogazione delle relative prestazioni",
      "en": "Local social-services system and its benefits"
    },
    "description": {
      "it": "Progettazione e gestione del sistema locale dei servizi sociali ed erogazione delle relative prestazioni ai cittadini (Cost. art. 118, c. 4).",
      "en": "Design and management of the local social-services system and delivery of its benefits to citizens (Constitution art. 118(4))."
    },
    "reference": "DL 78/2010 art. 14 c. 27, lett. g)",
    "obligation": true
  },
  {
    "code": "ff-h",
    "kind": "fundamental",
    "letter": "h",
    "name": {
      "it": "Edilizia scolastica non attribuita alle province e servizi scolastici",
      "en": "School buildings not assigned to provinces, and school services"
    },
    "description": {
      "it": "Edilizia scolastica per la parte non attribuita alla competenza delle province, organizzazione e gestione dei servizi scolastici.",
      "en": "School buildings for the part not assigned to the provinces; organisation and management of school services."
    },
    "reference": "DL 78/2010 art. 14 c. 27, lett. h)",
    "obligation": true
  },
  {
    "code": "ff-i",
    "kind": "fundamental",
    "letter": "i",
    "name": {
      "it": "Polizia municipale e polizia amministrativa locale",
      "en": "Municipal and local administrative police"
    },
    "description": {
      "it": "Polizia municipale e polizia amministrativa locale.",
      "en": "Municipal police and local administrative police."
    },
    "reference": "DL 78/2010 art. 14 c. 27, lett. i)",
    "obligation": true
  },
  {
    "code": "ff-l",
    "kind": "fundamental",
    "letter": "l",
    "name": {
      "it": "Registri di stato civile e di popolazione, servizi anagrafici ed elettorali",
      "en": "Civil-status and population registers, registry and electoral services"
    },
    "description": {
      "it": "Tenuta dei registri di stato civile e di popolazione e servizi anagrafici ed elettorali, nell'esercizio delle funzioni di competenza statale: esclusi dall'obbligo di gestione associata.",
      "en": "Civil-status and population registers, registry and electoral services, performed as State functions: excluded from the association obligation."
    },
    "reference": "DL 78/2010 art. 14 c. 27, lett. l)",
    "obligation": false
  },
  {
    "code": "ff-l-bis",
    "kind": "fundamental",
    "letter": "l-bis",
    "name": {
      "it": "Servizi in materia statistica",
      "en": "Statistical services"
    },
    "description": {
      "it": "Servizi comunali in materia statistica.",
      "en": "Municipal statistical services."
    },
    "reference": "DL 78/2010 art. 14 c. 27, lett. l-bis)",
    "obligation": true
  },
  {
    "code": "ced",
    "kind": "digital",
    "name": {
      "it": "CED, infrastruttura informatica e help desk",
      "en": "Data centre, IT infrastructure and help desk"
    },
    "description": {
      "it": "Server, rete, postazioni di lavoro, cloud e assistenza agli utenti degli enti.",
      "en": "Servers, network, workstations, cloud and user support for the member bodies."
    },
    "reference": "D.Lgs. 82/2005 (CAD); Piano triennale per l'informatica nella PA",
    "obligation": false
  },
  {
    "code": "protocollo",
    "kind": "digital",
    "name": {
      "it": "Protocollo informatico e conservazione digitale",
      "en": "Electronic document register and digital preservation"
    },
    "description": {
      "it": "Protocollo informatico, gestione documentale e conservazione a norma dei documenti informatici.",
      "en": "Electronic register, records management and compliant preservation of digital documents."
    },
    "reference": "DPR 445/2000 artt. 50 e ss.; D.Lgs. 82/2005 (CAD) artt. 40–44",
    "obligation": false
  },
  {
    "code": "suap",
    "kind": "digital",
    "name": {
      "it": "SUAP – Sportello unico per le attività produttive",
      "en": "SUAP – one-stop shop for businesses"
    },
    "description": {
      "it": "Gestione telematica delle pratiche delle imprese.",
      "en": "Online handling of business applications."
    },
    "reference": "DPR 160/2010",
    "obligation": false
  },
  {
    "code": "sue",
    "kind": "digital",
    "name": {
      "it": "SUE – Sportello unico per l'edilizia",
      "en": "SUE – one-stop shop for building permits"
    },
    "description": {
      "it": "Gestione telematica dei titoli e delle pratiche edilizie.",
      "en": "Online handling of building permits and applications."
    },
    "reference": "DPR 380/2001 art. 5",
    "obligation": false
  },
  {
    "code": "tributi",
    "kind": "digital",
    "name": {
      "it": "Tributi locali",
      "en": "Local taxes"
    },
    "description": {
      "it": "Gestione, accertamento e riscossione dei tributi comunali, sportello al contribuente.",
      "en": "Management, assessment and collection of municipal taxes; taxpayer desk."
    },
    "reference": "D.Lgs. 446/1997; L. 160/2019",
    "obligation": false
  },
  {
    "code": "anpr",
    "kind": "digital",
    "name": {
      "it": "Anagrafe e stato civile (ANPR)",
      "en": "Registry and civil status (ANPR)"
    },
    "description": {
      "it": "Servizi anagrafici e di stato civile sull'Anagrafe nazionale della popolazione residente.",
      "en": "Registry and civil-status services on the national resident population register."
    },
    "reference": "D.Lgs. 82/2005 (CAD) art. 62",
    "obligation": false
  },
  {
    "code": "pagopa",
    "kind": "digital",
    "name": {
      "it": "Pagamenti elettronici (pagoPA)",
      "en": "Online payments (pagoPA)"
    },
    "description": {
      "it": "Adesione e integrazione con la piattaforma pagoPA per tutti gli incassi degli enti.",
      "en": "Joining and integrating the pagoPA platform for all the bodies’ payments."
    },
    "reference": "D.Lgs. 82/2005 (CAD) art. 5",
    "obligation": false
  },
  {
    "code": "web",
    "kind": "digital",
    "name": {
      "it": "Sito istituzionale e servizi online",
      "en": "Institutional website and online services"
    },
    "description": {
      "it": "Sito accessibile, amministrazione trasparente e servizi digitali al cittadino.",
      "en": "Accessible website, transparency section and digital services for citizens."
    },
    "reference": "D.Lgs. 82/2005 (CAD) art. 7; D.Lgs. 33/2013; L. 4/2004",
    "obligation": false
  },
  {
    "code": "gis",
    "kind": "digital",
    "name": {
      "it": "GIS e catasto",
      "en": "GIS and cadastre"
    },
    "description": {
      "it": "Sistema informativo territoriale condiviso, cartografia e banche dati catastali.",
      "en": "Shared geographic information system, maps and cadastral data."
    },
    "reference": "D.Lgs. 82/2005 (CAD) art. 59; D.Lgs. 32/2010",
    "obligation": false
  },
  {
    "code": "cuc",
    "kind": "digital",
    "name": {
      "it": "Centrale unica di committenza ed e-procurement",
      "en": "Central purchasing body and e-procurement"
    },
    "description": {
      "it": "Gare e acquisti aggregati su piattaforme di approvvigionamento digitale.",
      "en": "Joint tenders and purchases on digital procurement platforms."
    },
    "reference": "D.Lgs. 36/2023 (già D.Lgs. 50/2016 art. 37)",
    "obligation": false
  },
  {
    "code": "dpo-cyber",
    "kind": "digital",
    "name": {
      "it": "Responsabile della protezione dei dati (DPO) e cybersicurezza",
      "en": "Data protection officer (DPO) and cybersecurity"
    },
    "description": {
      "it": "Un DPO condiviso tra gli enti, misure di sicurezza e gestione degli incidenti informatici.",
      "en": "A DPO shared by the bodies, security measures and incident handling."
    },
    "reference": "Reg. UE 2016/679 (GDPR) art. 37; D.Lgs. 82/2005 (CAD) art. 51",
    "obligation": false
  },
  {
    "code": "formazione",
    "kind": "digital",
    "name": {
      "it": "Formazione e personale specialistico condiviso",
      "en": "Training and shared specialist staff"
    },
    "description": {
      "it": "Formazione digitale dei dipendenti e competenze specialistiche messe in comune.",
      "en": "Digital training of staff and pooled specialist skills."
    },
    "reference": "D.Lgs. 82/2005 (CAD) art. 13; TUEL art. 30",
    "obligation": false
  }
];

export const services: Knex.Migration = {
  up: async (knex) => {
    for (const sql of up) await knex.raw(sql);
    for (const [position, s] of SEEDED_SERVICES.entries()) {
      await knex.raw(
        `INSERT INTO services (code, kind, letter, name_it, name_en, description_it, description_en, reference, obligation, position)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [s.code, s.kind, s.letter ?? null, s.name.it, s.name.en, s.description.it, s.description.en, s.reference, s.obligation, position],
      );
      await knex.raw(`INSERT INTO service_history (service_code, action, snapshot) VALUES (?, 'created', ?::jsonb)`, [s.code, JSON.stringify(s)]);
    }
  },
  down: async (knex) => {
    for (const table of ['alliance_services', 'service_history', 'services']) await knex.raw(`DROP TABLE ${table}`);
    await knex.raw(`ALTER TABLE alliances DROP COLUMN contiguity_exception, DROP COLUMN running_cost_cents`);
  },
};
