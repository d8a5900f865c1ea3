import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DECLARED_FACTORS,
  LEGAL_FORM_INFO,
  LEGAL_FORMS,
  PHASE_LABELS,
  PHASES,
  RTD_SEAT_LABELS,
  RTD_SEATS,
  successFactors,
  type Governance,
  type LegalForm,
  type Phase,
  type PhaseEntry,
  type Rtd,
} from '../../domain/governance';
import { associationsQuery } from '../data/queries';
import { LABELS } from './labels';

const today = () => new Date().toISOString().slice(0, 10);
const EMPTY_RTD: Rtd = { seat: 'capofila', office: '', email: '', act: null };

/** The Forma e fasi content being edited. */
export interface GovernanceValue {
  legalForm: LegalForm | null;
  governance: Governance;
}

interface Props {
  value: GovernanceValue;
  onChange(change: Partial<GovernanceValue>): void;
  /** Shown under the existing Unione's choice (its differences, the prefill). */
  unioneNote?: ReactNode;
}

/**
 * The fields of the legal form, the existing Unione extended, the shared RTD, the phase timeline
 * and the declared success factors. It keeps nothing itself: its owner saves the value (the
 * builder, with the alliance), and the server checks everything again.
 */
export function GovernanceForm({ value, onChange, unioneNote }: Props) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'it';
  const l = LABELS[lang];
  const { legalForm, governance } = value;
  // The Unioni di comuni of the shipped list, for an Unione that extends one (asked for once, when first needed).
  const unioni = useQuery({ ...associationsQuery('unione'), enabled: legalForm === 'unione' }).data ?? [];


  const setGovernance = (change: Partial<Governance>) => onChange({ governance: { ...governance, ...change } });
  const rtd = governance.rtd ?? null;
  const setRtd = (change: Partial<Rtd>) => setGovernance({ rtd: { ...(rtd ?? EMPTY_RTD), ...change } });
  const phases = governance.phases ?? [];
  const setPhase = (i: number, change: Partial<PhaseEntry>) => setGovernance({ phases: phases.map((p, j) => (j === i ? { ...p, ...change } : p)) });
  const nextPhase = (): Phase => PHASES[Math.min(PHASES.indexOf(phases[phases.length - 1]?.phase ?? 'ricognizione') + (phases.length > 0 ? 1 : 0), PHASES.length - 1)]!;
  const declared = governance.factors ?? [];

  return (
    <div className="governance-form" data-testid="governance-editor">
      <label>
        {l.form}{' '}
        <select value={legalForm ?? ''} onChange={(e) => onChange({ legalForm: (e.target.value || null) as LegalForm | null })}>
          <option value="">{l.notChosen}</option>
          {LEGAL_FORMS.map((f) => (
            <option key={f} value={f}>{LEGAL_FORM_INFO[f][lang]}</option>
          ))}
        </select>
      </label>
      {legalForm === 'unione' && (
        <>
          <label>
            {l.existingUnione}{' '}
            <select value={governance.existingUnione ?? ''} onChange={(e) => setGovernance({ existingUnione: e.target.value ? Number(e.target.value) : null })}>
              <option value="">{l.newUnione}</option>
              {/* The chosen one is listed before the list has come. */}
              {governance.existingUnione && !unioni.some((u) => u.id === governance.existingUnione) && <option value={governance.existingUnione}>{governance.existingUnione}</option>}
              {unioni.map((u) => (
                <option key={u.id} value={u.id}>{u.name}</option>
              ))}
            </select>
          </label>
          {unioneNote}
        </>
      )}

      <fieldset>
        <legend>{l.rtd}</legend>
        <label>
          {l.seat}{' '}
          <select value={rtd?.seat ?? ''} onChange={(e) => (e.target.value ? setRtd({ seat: e.target.value as Rtd['seat'] }) : setGovernance({ rtd: null }))}>
            <option value="">{l.none}</option>
            {RTD_SEATS.map((s) => (
              <option key={s} value={s}>{RTD_SEAT_LABELS[s][lang]}</option>
            ))}
          </select>
        </label>
        {rtd && (
          <>
            <label>{l.office} <input value={rtd.office} maxLength={160} onChange={(e) => setRtd({ office: e.target.value })} required /></label>
            <label>{l.email} <input type="email" value={rtd.email} maxLength={254} onChange={(e) => setRtd({ email: e.target.value })} required /></label>
            <label>{l.actOrgan} <input value={rtd.act?.organ ?? ''} onChange={(e) => setRtd({ act: e.target.value ? { organ: e.target.value, number: rtd.act?.number ?? '', date: rtd.act?.date ?? today() } : null })} /></label>
            {rtd.act && (
              <>
                <label>{l.actNumber} <input value={rtd.act.number} maxLength={40} onChange={(e) => setRtd({ act: { ...rtd.act!, number: e.target.value } })} required /></label>
                <label>{l.actDate} <input type="date" value={rtd.act.date} max={today()} onChange={(e) => setRtd({ act: { ...rtd.act!, date: e.target.value } })} required /></label>
              </>
            )}
          </>
        )}
      </fieldset>

      <fieldset>
        <legend>{l.phases}</legend>
        <ol className="phase-list">
          {phases.map((p, i) => (
            <li key={i}>
              <select aria-label={l.phase} value={p.phase} onChange={(e) => setPhase(i, { phase: e.target.value as Phase })}>
                {PHASES.map((ph) => (
                  <option key={ph} value={ph}>{PHASE_LABELS[ph][lang]}</option>
                ))}
              </select>{' '}
              <input type="date" aria-label={l.date} value={p.date} max={today()} onChange={(e) => setPhase(i, { date: e.target.value })} required />{' '}
              <input aria-label={l.note} placeholder={l.note} value={p.note ?? ''} maxLength={1000} onChange={(e) => setPhase(i, { note: e.target.value || null })} />{' '}
              <button type="button" onClick={() => setGovernance({ phases: phases.filter((_p, j) => j !== i) })}>{l.remove}</button>
            </li>
          ))}
        </ol>
        <button type="button" onClick={() => setGovernance({ phases: [...phases, { phase: nextPhase(), date: today() }] })}>{l.addPhase}</button>
      </fieldset>

      <fieldset>
        <legend>{l.factors}</legend>
        {successFactors({ buildsOnAssociation: false, hasLead: false, declared })
          .filter((f) => f.source === 'declared')
          .map((f) => {
            const id = f.id as (typeof DECLARED_FACTORS)[number];
            return (
              <label key={f.id} className="check">
                <input
                  type="checkbox"
                  checked={declared.includes(id)}
                  onChange={(e) => {
                    const rest = declared.filter((x) => x !== id);
                    setGovernance({ factors: e.target.checked ? [...rest, id] : rest });
                  }}
                />{' '}
                {f.label[lang]}
              </label>
            );
          })}
      </fieldset>
    </div>
  );
}
