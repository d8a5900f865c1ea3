/**
 * The catalogue of services an alliance can provide, as data: the fundamental functions of the
 * Comuni (DL 78/2010 art. 14 c. 27) and a default catalogue of shared digital services
 * (programme ALI 2007, principle 3). Administrators may edit the digital part; codes are stable.
 */

/** One service of the catalogue. */
export interface ServiceDefinition {
  /** Stable code, see SERVICE_CODE_PATTERN: `ff-a` … `ff-l-bis` for fundamental functions. */
  code: string;
  kind: 'fundamental' | 'digital';
  /** The letter of DL 78/2010 art. 14 c. 27 ('a' … 'l-bis'), for fundamental functions only. */
  letter?: string;
  name: { it: string; en: string };
  description: { it: string; en: string };
  /** Legal or programmatic reference. */
  reference: string;
  /** True when the obligation to run it in associated form applies (DL 78/2010 art. 14 c. 28). */
  obligation: boolean;
}

const FF_REFERENCE = 'DL 78/2010 art. 14 c. 27, lett.';

function fundamental(letter: string, name: { it: string; en: string }, description: { it: string; en: string }): ServiceDefinition {
  // c. 28: the obligation covers every fundamental function "ad esclusione della lettera l)".
  return { code: `ff-${letter}`, kind: 'fundamental', letter, name, description, reference: `${FF_REFERENCE} ${letter})`, obligation: letter !== 'l' };
}

/** The 11 fundamental functions of the Comuni (DL 78/2010 art. 14 c. 27, as replaced by DL 95/2012 art. 19). */
export const FUNDAMENTAL_FUNCTIONS: readonly ServiceDefinition[] = [
  fundamental(
    'a',
    { it: "Organizzazione generale dell'amministrazione, gestione finanziaria e contabile e controllo", en: 'General organisation of the administration, financial and accounting management and control' },
    { it: "Uffici, personale, bilancio, contabilità e controlli interni dell'ente.", en: 'Offices, staff, budget, accounts and internal controls of the body.' },
  ),
  fundamental(
    'b',
    { it: 'Servizi pubblici di interesse generale di ambito comunale, compreso il trasporto pubblico comunale', en: 'Local public services of general interest, including municipal public transport' },
    { it: "Organizzazione dei servizi pubblici locali d'interesse generale, compresi i servizi di trasporto pubblico comunale.", en: 'Organisation of the local public services of general interest, including municipal public transport.' },
  ),
  fundamental(
    'c',
    { it: 'Catasto, ad eccezione delle funzioni mantenute allo Stato', en: 'Cadastre, except the functions kept by the State' },
    { it: 'Funzioni catastali di competenza comunale.', en: 'Cadastral functions that fall to the Comuni.' },
  ),
  fundamental(
    'd',
    { it: 'Pianificazione urbanistica ed edilizia di ambito comunale e partecipazione alla pianificazione territoriale sovracomunale', en: 'Municipal town and building planning, and participation in supra-municipal territorial planning' },
    { it: 'Piani urbanistici, regolamenti edilizi e contributo ai piani territoriali di livello superiore.', en: 'Town plans, building regulations and contribution to higher-level territorial plans.' },
  ),
  fundamental(
    'e',
    { it: 'Pianificazione di protezione civile e coordinamento dei primi soccorsi', en: 'Civil-protection planning and first-aid coordination' },
    { it: 'Attività, in ambito comunale, di pianificazione di protezione civile e di coordinamento dei primi soccorsi.', en: 'Municipal civil-protection planning and coordination of first aid.' },
  ),
  fundamental(
    'f',
    { it: 'Raccolta, avvio, smaltimento e recupero dei rifiuti urbani e riscossione dei relativi tributi', en: 'Urban waste collection, disposal and recovery, and collection of the related taxes' },
    { it: 'Organizzazione e gestione dei servizi di raccolta, avvio e smaltimento e recupero dei rifiuti urbani e riscossione dei relativi tributi.', en: 'Organisation and management of urban waste collection, disposal and recovery, and collection of the related taxes.' },
  ),
  fundamental(
    'g',
    { it: 'Sistema locale dei servizi sociali ed erogazione delle relative prestazioni', en: 'Local social-services system and its benefits' },
    { it: 'Progettazione e gestione del sistema locale dei servizi sociali ed erogazione delle relative prestazioni ai cittadini (Cost. art. 118, c. 4).', en: 'Design and management of the local social-services system and delivery of its benefits to citizens (Constitution art. 118(4)).' },
  ),
  fundamental(
    'h',
    { it: 'Edilizia scolastica non attribuita alle province e servizi scolastici', en: 'School buildings not assigned to provinces, and school services' },
    { it: 'Edilizia scolastica per la parte non attribuita alla competenza delle province, organizzazione e gestione dei servizi scolastici.', en: 'School buildings for the part not assigned to the provinces; organisation and management of school services.' },
  ),
  fundamental(
    'i',
    { it: 'Polizia municipale e polizia amministrativa locale', en: 'Municipal and local administrative police' },
    { it: 'Polizia municipale e polizia amministrativa locale.', en: 'Municipal police and local administrative police.' },
  ),
  fundamental(
    'l',
    { it: 'Registri di stato civile e di popolazione, servizi anagrafici ed elettorali', en: 'Civil-status and population registers, registry and electoral services' },
    { it: "Tenuta dei registri di stato civile e di popolazione e servizi anagrafici ed elettorali, nell'esercizio delle funzioni di competenza statale: esclusi dall'obbligo di gestione associata.", en: 'Civil-status and population registers, registry and electoral services, performed as State functions: excluded from the association obligation.' },
  ),
  fundamental(
    'l-bis',
    { it: 'Servizi in materia statistica', en: 'Statistical services' },
    { it: 'Servizi comunali in materia statistica.', en: 'Municipal statistical services.' },
  ),
];

function digital(code: string, name: { it: string; en: string }, description: { it: string; en: string }, reference: string): ServiceDefinition {
  return { code, kind: 'digital', name, description, reference, obligation: false };
}

/** The default catalogue of shared digital services (DOMAIN.md, "Shared digital services"). */
export const DIGITAL_SERVICES: readonly ServiceDefinition[] = [
  digital(
    'ced',
    { it: 'CED, infrastruttura informatica e help desk', en: 'Data centre, IT infrastructure and help desk' },
    { it: 'Server, rete, postazioni di lavoro, cloud e assistenza agli utenti degli enti.', en: 'Servers, network, workstations, cloud and user support for the member bodies.' },
    "D.Lgs. 82/2005 (CAD); Piano triennale per l'informatica nella PA",
  ),
  digital(
    'protocollo',
    { it: 'Protocollo informatico e conservazione digitale', en: 'Electronic document register and digital preservation' },
    { it: 'Protocollo informatico, gestione documentale e conservazione a norma dei documenti informatici.', en: 'Electronic register, records management and compliant preservation of digital documents.' },
    'DPR 445/2000 artt. 50 e ss.; D.Lgs. 82/2005 (CAD) artt. 40–44',
  ),
  digital(
    'suap',
    { it: 'SUAP – Sportello unico per le attività produttive', en: 'SUAP – one-stop shop for businesses' },
    { it: 'Gestione telematica delle pratiche delle imprese.', en: 'Online handling of business applications.' },
    'DPR 160/2010',
  ),
  digital(
    'sue',
    { it: "SUE – Sportello unico per l'edilizia", en: 'SUE – one-stop shop for building permits' },
    { it: 'Gestione telematica dei titoli e delle pratiche edilizie.', en: 'Online handling of building permits and applications.' },
    'DPR 380/2001 art. 5',
  ),
  digital(
    'tributi',
    { it: 'Tributi locali', en: 'Local taxes' },
    { it: 'Gestione, accertamento e riscossione dei tributi comunali, sportello al contribuente.', en: 'Management, assessment and collection of municipal taxes; taxpayer desk.' },
    'D.Lgs. 446/1997; L. 160/2019',
  ),
  digital(
    'anpr',
    { it: 'Anagrafe e stato civile (ANPR)', en: 'Registry and civil status (ANPR)' },
    { it: "Servizi anagrafici e di stato civile sull'Anagrafe nazionale della popolazione residente.", en: 'Registry and civil-status services on the national resident population register.' },
    'D.Lgs. 82/2005 (CAD) art. 62',
  ),
  digital(
    'pagopa',
    { it: 'Pagamenti elettronici (pagoPA)', en: 'Online payments (pagoPA)' },
    { it: 'Adesione e integrazione con la piattaforma pagoPA per tutti gli incassi degli enti.', en: 'Joining and integrating the pagoPA platform for all the bodies’ payments.' },
    'D.Lgs. 82/2005 (CAD) art. 5',
  ),
  digital(
    'web',
    { it: 'Sito istituzionale e servizi online', en: 'Institutional website and online services' },
    { it: 'Sito accessibile, amministrazione trasparente e servizi digitali al cittadino.', en: 'Accessible website, transparency section and digital services for citizens.' },
    'D.Lgs. 82/2005 (CAD) art. 7; D.Lgs. 33/2013; L. 4/2004',
  ),
  digital(
    'gis',
    { it: 'GIS e catasto', en: 'GIS and cadastre' },
    { it: 'Sistema informativo territoriale condiviso, cartografia e banche dati catastali.', en: 'Shared geographic information system, maps and cadastral data.' },
    'D.Lgs. 82/2005 (CAD) art. 59; D.Lgs. 32/2010',
  ),
  digital(
    'cuc',
    { it: 'Centrale unica di committenza ed e-procurement', en: 'Central purchasing body and e-procurement' },
    { it: 'Gare e acquisti aggregati su piattaforme di approvvigionamento digitale.', en: 'Joint tenders and purchases on digital procurement platforms.' },
    'D.Lgs. 36/2023 (già D.Lgs. 50/2016 art. 37)',
  ),
  digital(
    'dpo-cyber',
    { it: 'Responsabile della protezione dei dati (DPO) e cybersicurezza', en: 'Data protection officer (DPO) and cybersecurity' },
    { it: 'Un DPO condiviso tra gli enti, misure di sicurezza e gestione degli incidenti informatici.', en: 'A DPO shared by the bodies, security measures and incident handling.' },
    'Reg. UE 2016/679 (GDPR) art. 37; D.Lgs. 82/2005 (CAD) art. 51',
  ),
  digital(
    'formazione',
    { it: 'Formazione e personale specialistico condiviso', en: 'Training and shared specialist staff' },
    { it: 'Formazione digitale dei dipendenti e competenze specialistiche messe in comune.', en: 'Digital training of staff and pooled specialist skills.' },
    'D.Lgs. 82/2005 (CAD) art. 13; TUEL art. 30',
  ),
];

/** The whole default catalogue: fundamental functions first, then digital services. */
export const DEFAULT_SERVICES: readonly ServiceDefinition[] = [...FUNDAMENTAL_FUNCTIONS, ...DIGITAL_SERVICES];

/** A service code: 2–40 lowercase letters, digits and hyphens. */
export const SERVICE_CODE_PATTERN = /^[a-z0-9-]{2,40}$/;

/** True for a well-formed service code (it may still be absent from the catalogue). */
export function isServiceCode(s: string): boolean {
  return SERVICE_CODE_PATTERN.test(s);
}

/** Who delivers a service to a member: the alliance itself, its lead body, a member, or a partner. */
export const SERVICE_PROVIDER_KINDS = ['alliance', 'lead', 'member', 'partner'] as const;
export type ServiceProviderKind = (typeof SERVICE_PROVIDER_KINDS)[number];

/** Type guard for SERVICE_PROVIDER_KINDS. */
export function isServiceProviderKind(value: string): value is ServiceProviderKind {
  return (SERVICE_PROVIDER_KINDS as readonly string[]).includes(value);
}

/** Pseudo service code meaning "any fundamental function", for coverage queries. */
export const ANY_FUNDAMENTAL = 'fundamental';

/** The default definition of a service code, if the catalogue has one. */
export function defaultService(code: string): ServiceDefinition | undefined {
  return DEFAULT_SERVICES.find((s) => s.code === code);
}
