/**
 * "Cos'è un'ALI" in plain words: the six principles of the 2007 programme (Ministero per le Riforme e
 * l'Innovazione nella PA, 16 gennaio 2007) and the terms a citizen meets in the atlas.
 */
type Text = { it: string; en: string };

export const ABOUT_INTRO: Text = {
  it: "Più di 5.800 comuni italiani hanno meno di 5.000 abitanti: governano più di metà del territorio e servono un italiano su cinque, ma da soli non riescono a offrire servizi digitali moderni. Nel 2007 il programma «Alleanze Locali per l'Innovazione» (ALI) propose che si alleassero, liberamente, per condividere servizi, personale e infrastrutture.",
  en: 'More than 5,800 Italian Comuni have fewer than 5,000 residents: they govern over half of the territory and serve one Italian in five, but alone they cannot offer modern digital services. In 2007 the programme “Local Alliances for Innovation” (ALI) proposed that they join forces, freely, to share services, staff and infrastructure.',
};

/** The six principles, each with where the atlas shows it. */
export const PRINCIPLES: { title: Text; text: Text; where: Text }[] = [
  {
    title: { it: 'Territori contigui, aperti a tutti', en: 'Contiguous territories, open to all' },
    text: { it: "I comuni di un'alleanza confinano tra loro; possono partecipare anche comuni più grandi, Unioni, Comunità Montane, Province e Regioni.", en: 'The Comuni of an alliance border each other; larger Comuni, Unions, Mountain Communities, Provinces and Regions may take part too.' },
    where: { it: 'Costruisci: la contiguità si verifica mentre scegli i comuni; i partecipanti si aggiungono con il loro ruolo.', en: 'Build: contiguity is checked as you pick Comuni; participating bodies are added with their role.' },
  },
  {
    title: { it: 'Partire da ciò che esiste', en: 'Start from what exists' },
    text: { it: 'Meglio se ricalcate su unioni, comunità montane o altre collaborazioni già in corso.', en: 'Preferably modelled on existing unions, mountain communities or other cooperation.' },
    where: { it: 'Esplora: le associazioni esistenti come livello; «Parti da questa associazione» apre il costruttore.', en: 'Explore: existing associations as a layer; “Start from this association” opens the builder.' },
  },
  {
    title: { it: 'Servizi per le funzioni più importanti', en: 'Services for the most important functions' },
    text: { it: "L'alleanza si gestisce da sé ed eroga servizi che un piccolo comune non potrebbe permettersi da solo, con economie e competenze in più.", en: 'The alliance runs itself and provides services a small Comune could not afford alone, saving money and adding skills.' },
    where: { it: 'Servizi: chi fornisce cosa, dove mancano i servizi; il catalogo dei servizi.', en: 'Services: who provides what, where services are missing; the service catalogue.' },
  },
  {
    title: { it: 'Autogoverno: decidono i comuni', en: 'Self-government: the Comuni decide' },
    text: { it: 'Ogni piccolo comune partecipa in modo attivo, informato e determinante: aderisce con un atto del proprio consiglio, della giunta o del sindaco, e può recedere.', en: 'Each small Comune takes an active, informed and decisive part: it adheres by an act of its council, executive or mayor, and may withdraw.' },
    where: { it: "Ogni comune riceve un link di adesione; la pagina dell'alleanza mostra lo stato e l'atto di ciascuno e la storia di ogni decisione.", en: "Each Comune receives an adhesion link; the alliance's page shows each one's status and act and the history of every decision." },
  },
  {
    title: { it: 'Non contro, ma al servizio', en: 'Not against, but at the service of' },
    text: { it: 'Le ALI non si contrappongono alle unioni e alle altre forme associative: offrono loro servizi.', en: 'ALIs do not compete with unions and other associations: they offer them services.' },
    where: { it: "La pagina dell'alleanza elenca le associazioni a cui i membri già appartengono.", en: "The alliance's page lists the associations its members already belong to." },
  },
  {
    title: { it: 'Si sostengono con i servizi', en: 'They pay their way with services' },
    text: { it: "I costi di funzionamento si coprono con le quote dei comuni per i servizi ricevuti (ed eventuali contributi esterni).", en: 'Running costs are covered by the Comuni’s fees for the services they receive (and any grants).' },
    where: { it: 'Quote per comune, contributi e sostenibilità, al centesimo.', en: 'Fees per Comune, grants and sustainability, to the cent.' },
  },
];

/** Terms of the atlas, by anchor id (linked from where they appear). */
export const GLOSSARY: { id: string; term: Text; text: Text }[] = [
  { id: 'ali', term: { it: 'ALI – Alleanza Locale per l’Innovazione', en: 'ALI – Local Alliance for Innovation' }, text: { it: 'Un’alleanza volontaria di piccoli comuni confinanti che condividono servizi, personale e infrastrutture digitali.', en: 'A voluntary alliance of neighbouring small Comuni sharing services, staff and digital infrastructure.' } },
  { id: 'bozza', term: { it: 'Bozza / pubblicata', en: 'Draft / published' }, text: { it: 'Una bozza è visibile solo a chi ha il link; un’alleanza pubblicata compare negli elenchi, nei dati aperti e nella copertura dei servizi, e deve rispettare tutte le regole.', en: 'A draft is seen only by those with its link; a published alliance appears in lists, open data and service coverage, and must pass every rule.' } },
  { id: 'proposto', term: { it: 'Proposto', en: 'Proposed' }, text: { it: 'Un comune invitato che non ha ancora deciso.', en: 'An invited Comune that has not decided yet.' } },
  { id: 'aderente', term: { it: 'Aderente', en: 'Adhered' }, text: { it: 'Un comune che ha aderito con un proprio atto (delibera o decreto), registrato con numero e data.', en: 'A Comune that adhered by its own act (resolution or decree), recorded with number and date.' } },
  { id: 'declinato', term: { it: 'Ha declinato', en: 'Declined' }, text: { it: 'Un comune che ha deciso di non aderire.', en: 'A Comune that decided not to adhere.' } },
  { id: 'receduto', term: { it: 'Receduto', en: 'Withdrawn' }, text: { it: 'Un comune che ha lasciato l’alleanza dopo avervi aderito.', en: 'A Comune that left the alliance after adhering.' } },
  { id: 'costituita', term: { it: 'Costituita', en: 'Constituted' }, text: { it: 'Un’alleanza i cui comuni aderenti, da soli, rispettano tutte le regole (contiguità e soglie di popolazione).', en: 'An alliance whose adhered Comuni alone pass every rule (contiguity and population thresholds).' } },
  { id: 'capofila', term: { it: 'Capofila', en: 'Lead body' }, text: { it: 'Il comune che coordina l’alleanza e può erogare servizi per tutti.', en: 'The Comune that coordinates the alliance and may provide services for all.' } },
  { id: 'piccolo-comune', term: { it: 'Piccolo comune', en: 'Small Comune' }, text: { it: 'Fino a 5.000 abitanti (Legge 158/2017).', en: 'Up to 5,000 residents (Law 158/2017).' } },
  { id: 'funzioni-fondamentali', term: { it: 'Funzioni fondamentali', en: 'Fundamental functions' }, text: { it: 'Le undici funzioni che ogni comune deve svolgere (DL 78/2010 art. 14 c. 27): i piccoli comuni (fino a 5.000 abitanti, 3.000 se montani) devono svolgerle in forma associata.', en: 'The eleven functions every Comune must perform (DL 78/2010 art. 14 c. 27): small Comuni (up to 5,000 residents, 3,000 in the mountains) must perform them jointly.' } },
  { id: 'tuel-32', term: { it: 'Unione di comuni (TUEL art. 32)', en: 'Union of Comuni (TUEL art. 32)' }, text: { it: 'Un ente locale formato da due o più comuni contigui per esercitare insieme funzioni e servizi; di norma almeno 10.000 abitanti (3.000 se montani), salvo diverso limite regionale.', en: 'A local body of two or more contiguous Comuni performing functions and services together; as a rule at least 10,000 residents (3,000 in the mountains), unless regional law sets another limit.' } },
  { id: 'comunita-montana', term: { it: 'Comunità montana', en: 'Mountain community' }, text: { it: 'Unione di comuni montani istituita per legge regionale (TUEL art. 27); molte regioni le hanno trasformate in Unioni montane.', en: 'A union of mountain Comuni set up by regional law (TUEL art. 27); many regions turned them into mountain unions.' } },
  { id: 'aree-interne', term: { it: 'Aree interne (classi A–F)', en: 'Inner areas (classes A–F)' }, text: { it: 'Classificazione dei comuni per distanza dai servizi essenziali: A polo, B polo intercomunale, C cintura, D intermedio, E periferico, F ultraperiferico.', en: 'Comuni classified by distance from essential services: A hub, B inter-municipal hub, C belt, D intermediate, E peripheral, F ultra-peripheral.' } },
  { id: 'link-adesione', term: { it: 'Link di adesione', en: 'Adhesion link' }, text: { it: 'L’indirizzo segreto, uno per comune, con cui l’ufficio del comune registra la decisione del proprio organo. Chi fonda l’alleanza non può decidere al suo posto.', en: 'The secret address, one per Comune, with which its office records its organ’s decision. The founder cannot decide in its place.' } },
];
