import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  DECLARED_FACTORS,
  EMPTY_GOVERNANCE,
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
  type Rtd,
} from '../../domain/governance';
import { saveGovernance, type GovernanceFields } from './governance-api';
import { associationsQuery } from '../data/queries';
import { LABELS } from './labels';

const today = () => new Date().toISOString().slice(0, 10);
const EMPTY_RTD: Rtd = { seat: 'capofila', office: '', email: '', act: null };

/**
 * The founder's editor of the legal form, the existing Unione extended, the shared RTD, the phase
 * timeline and the declared success factors. Saves itself with the edit token; the server checks
 * everything again and its message is shown as it comes (Italian / English).
 */
export function GovernanceEditor({ alliance, token, onSaved }: { alliance: GovernanceFields; token: string; onSaved: () => void }) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'it';
  const l = LABELS[lang];
  const [legalForm, setLegalForm] = useState<LegalForm | null>(alliance.legalForm ?? null);
  const [governance, setGovernance] = useState<Governance>({ ...EMPTY_GOVERNANCE, ...alliance.governance });
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  // The Unioni di comuni of the shipped list, for an Unione that extends one (asked for once, when first needed).
  const unioni = useQuery({ ...associationsQuery('unione'), enabled: legalForm === 'unione' }).data ?? [];

  const rtd = governance.rtd ?? null;
  const setRtd = (change: Partial<Rtd>) => setGovernance((g) => ({ ...g, rtd: { ...(g.rtd ?? EMPTY_RTD), ...change } }));
  const phases = governance.phases ?? [];
  const setPhase = (i: number, change: Partial<(typeof phases)[number]>) => setGovernance((g) => ({ ...g, phases: (g.phases ?? []).map((p, j) => (j === i ? { ...p, ...change } : p)) }));
  const nextPhase = (): Phase => PHASES[Math.min(PHASES.indexOf(phases[phases.length - 1]?.phase ?? 'ricognizione') + (phases.length > 0 ? 1 : 0), PHASES.length - 1)]!;
  const declared = governance.factors ?? [];

  const save = async () => {
    setBusy(true);
    setMessage(null);
    try {
      await saveGovernance(alliance, token, { legalForm, governance });
      setMessage({ kind: 'ok', text: l.saved });
      onSaved();
    } catch (e) {
      setMessage({ kind: 'error', text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="card" data-testid="governance-editor">
      <summary>{l.edit}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label>
          {l.form}{' '}
          <select value={legalForm ?? ''} onChange={(e) => setLegalForm((e.target.value || null) as LegalForm | null)}>
            <option value="">{l.notChosen}</option>
            {LEGAL_FORMS.map((f) => (
              <option key={f} value={f}>{LEGAL_FORM_INFO[f][lang]}</option>
            ))}
          </select>
        </label>
        {legalForm === 'unione' && (
          <label>
            {l.existingUnione}{' '}
            <select
              value={governance.existingUnione ?? ''}
              onChange={(e) => setGovernance((g) => ({ ...g, existingUnione: e.target.value ? Number(e.target.value) : null }))}
            >
              <option value="">{l.newUnione}</option>
              {unioni.map((u) => (
                <option key={u.id} value={u.id}>{u.name}</option>
              ))}
            </select>
          </label>
        )}

        <fieldset>
          <legend>{l.rtd}</legend>
          <label>
            {l.seat}{' '}
            <select value={rtd?.seat ?? ''} onChange={(e) => (e.target.value ? setRtd({ seat: e.target.value as Rtd['seat'] }) : setGovernance((g) => ({ ...g, rtd: null })))}>
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
          <ol>
            {phases.map((p, i) => (
              <li key={i}>
                <select aria-label={l.phase} value={p.phase} onChange={(e) => setPhase(i, { phase: e.target.value as Phase })}>
                  {PHASES.map((ph) => (
                    <option key={ph} value={ph}>{PHASE_LABELS[ph][lang]}</option>
                  ))}
                </select>{' '}
                <input type="date" aria-label={l.date} value={p.date} max={today()} onChange={(e) => setPhase(i, { date: e.target.value })} required />{' '}
                <input aria-label={l.note} placeholder={l.note} value={p.note ?? ''} maxLength={1000} onChange={(e) => setPhase(i, { note: e.target.value || null })} />{' '}
                <button type="button" onClick={() => setGovernance((g) => ({ ...g, phases: (g.phases ?? []).filter((_p, j) => j !== i) }))}>{l.remove}</button>
              </li>
            ))}
          </ol>
          <button type="button" onClick={() => setGovernance((g) => ({ ...g, phases: [...(g.phases ?? []), { phase: nextPhase(), date: today() }] }))}>{l.addPhase}</button>
        </fieldset>

        <fieldset>
          <legend>{l.factors}</legend>
          {successFactors({ buildsOnAssociation: false, hasLead: false, declared })
            .filter((f) => f.source === 'declared')
            .map((f) => (
              <label key={f.id} className="check">
                <input
                  type="checkbox"
                  checked={declared.includes(f.id as (typeof DECLARED_FACTORS)[number])}
                  onChange={(e) =>
                    setGovernance((g) => {
                      const id = f.id as (typeof DECLARED_FACTORS)[number];
                      const rest = (g.factors ?? []).filter((x) => x !== id);
                      return { ...g, factors: e.target.checked ? [...rest, id] : rest };
                    })
                  }
                />{' '}
                {f.label[lang]}
              </label>
            ))}
        </fieldset>

        <p className="toolbar">
          <button type="submit" className="primary" disabled={busy}>{l.save}</button>
        </p>
        {message && <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'rule problem' : 'muted'}>{message.text}</p>}
      </form>
    </details>
  );
}
