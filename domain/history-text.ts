import { actLabel, MEMBER_STATUS_LABELS } from './adhesion';
import type { MemberStatus } from './alliance';
import { LEGAL_FORM_INFO, PHASE_LABELS, type LegalForm, type Phase } from './governance';
import type { AllianceChange } from './history';
import { ruleSet } from './rule-sets';

/** Names to write changes with: Comuni by ISTAT code, services by catalogue code. */
export interface ChangeNames {
  comune(code: string): string;
  service(code: string): string;
}

type Lang = 'it' | 'en';

const euro = (cents: number, lang: Lang) =>
  new Intl.NumberFormat(lang === 'it' ? 'it-IT' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);

const statusLabel = (status: string, lang: Lang) => MEMBER_STATUS_LABELS[status as MemberStatus]?.[lang] ?? status;

const FIELD_NAMES: Record<string, { it: string; en: string }> = {
  name: { it: 'Nome', en: 'Name' },
  description: { it: 'Descrizione', en: 'Description' },
  status: { it: 'Stato', en: 'Status' },
  ruleSet: { it: 'Regole', en: 'Rules' },
  runningCostCents: { it: 'Costi di funzionamento', en: 'Running costs' },
  contiguityException: { it: 'Eccezione alla contiguità', en: 'Contiguity exception' },
  constituted: { it: 'Costituita', en: 'Constituted' },
  legalForm: { it: 'Forma giuridica', en: 'Legal form' },
  phase: { it: 'Fase', en: 'Phase' },
};

const ALLIANCE_STATUS: Record<string, { it: string; en: string }> = {
  draft: { it: 'bozza', en: 'draft' },
  published: { it: 'pubblicata', en: 'published' },
};

function fieldValue(field: string, value: unknown, lang: Lang): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'runningCostCents') return euro(value as number, lang);
  if (field === 'status') return ALLIANCE_STATUS[value as string]?.[lang] ?? String(value);
  if (field === 'constituted') return value ? (lang === 'it' ? 'sì' : 'yes') : 'no';
  if (field === 'legalForm') return LEGAL_FORM_INFO[value as LegalForm]?.[lang] ?? String(value);
  if (field === 'phase') return PHASE_LABELS[value as Phase]?.[lang] ?? String(value);
  if (field === 'ruleSet') return ruleSet(String(value))?.name[lang] ?? String(value);
  const text = String(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** One change in one line of plain text, in Italian or English. */
export function describeChange(change: AllianceChange, names: ChangeNames, lang: Lang): string {
  const it = lang === 'it';
  switch (change.kind) {
    case 'field':
      if (change.field === 'constituted') {
        if (change.to) return it ? 'L’alleanza è costituita: i comuni aderenti da soli rispettano le regole' : 'The alliance is constituted: the adhered Comuni alone pass the rules';
        return it ? 'L’alleanza non è più costituita' : 'The alliance is no longer constituted';
      }
      return `${FIELD_NAMES[change.field]![lang]}: ${fieldValue(change.field, change.from, lang)} → ${fieldValue(change.field, change.to, lang)}`;
    case 'member': {
      const who = `${names.comune(change.code)} (${change.code})`;
      if (change.change === 'status') return `${who}: ${statusLabel(change.from, lang)} → ${statusLabel(change.to, lang)}${change.act ? ` (${actLabel(change.act, lang)})` : ''}`;
      if (change.change === 'lead') return change.to ? (it ? `Capofila: ${who}` : `Lead body: ${who}`) : it ? `Non più capofila: ${who}` : `No longer the lead body: ${who}`;
      if (change.change === 'added') return it ? `Proposto: ${who}` : `Proposed: ${who}`;
      return it ? `Tolto: ${who}` : `Removed: ${who}`;
    }
    case 'partner':
      if (change.change === 'status') return `${change.name}: ${statusLabel(change.from, lang)} → ${statusLabel(change.to, lang)}${change.act ? ` (${actLabel(change.act, lang)})` : ''}`;
      if (change.change === 'added') return it ? `Partecipante: ${change.name}` : `Participating body: ${change.name}`;
      return it ? `Partecipante tolto: ${change.name}` : `Participating body removed: ${change.name}`;
    case 'invitation': {
      const who = change.code ? `${names.comune(change.code)} (${change.code})` : (change.partner ?? '');
      if (change.change === 'issued') {
        return it ? `Nuovo link di adesione n. ${change.id ?? '?'} per ${who} (il precedente non vale più)` : `New adhesion link no. ${change.id ?? '?'} for ${who} (the previous one no longer works)`;
      }
      return it ? `Link di adesione revocato: ${who}` : `Adhesion link revoked: ${who}`;
    }
    case 'editLink':
      return it ? 'Link di modifica cambiato (quello vecchio non funziona più)' : 'Edit link replaced (the old one no longer works)';
    case 'service': {
      const what = names.service(change.code);
      if (change.change === 'added') return it ? `Servizio aggiunto: ${what}` : `Service added: ${what}`;
      if (change.change !== 'cost') return it ? `Servizio tolto: ${what}` : `Service removed: ${what}`;
      return it
        ? `${what}: costo ${euro(change.from.annualCostCents, lang)} → ${euro(change.to.annualCostCents, lang)}`
        : `${what}: cost ${euro(change.from.annualCostCents, lang)} → ${euro(change.to.annualCostCents, lang)}`;
    }
  }
}
