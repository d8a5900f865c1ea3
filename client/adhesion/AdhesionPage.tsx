import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { actLabel, ADHESION_ORGANS, type AdhesionDecision, type AdhesionOrgan } from '../../domain/adhesion';
import { api } from '../api/client';
import type { AdhesionView } from '../api/types';
import { LanguageSwitch } from '../controls/LanguageSwitch';
import type { AdhesionLink } from './adhesion-link';

/** Today in the browser's own time zone, as YYYY-MM-DD (an act of this morning is not in the future). */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A refused token (403): said in the page's language at the time it is shown. */
const INVALID = 'adhesion.invalid';

/**
 * The page an invited Comune (or body) opens from its secret link: what it is asked to join, its
 * current status, and a form to record its organ's decision with the act.
 */
export function AdhesionPage({ link }: { link: AdhesionLink }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'it';
  const [view, setView] = useState<AdhesionView | null>(null);
  const [error, setError] = useState<string | null>(link.token && link.party ? null : t('adhesion.missing'));
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const [decision, setDecision] = useState<AdhesionDecision | ''>('');
  const [organ, setOrgan] = useState<AdhesionOrgan>('consiglio');
  const [actNumber, setActNumber] = useState('');
  const [actDate, setActDate] = useState('');
  const [actUrl, setActUrl] = useState('');
  const [note, setNote] = useState('');

  useEffect(() => {
    if (!link.token || !link.party) return;
    api
      .adhesion(link.allianceId, link.party, link.token)
      // No decision is preselected: the office chooses, as its act says.
      .then(setView)
      .catch((e: unknown) => setError((e as { status?: number }).status === 403 ? INVALID : (e as Error).message));
  }, [link]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!view || !decision || !link.token || !link.party) return;
    setSaving(true);
    setError(null);
    api
      .decide(link.allianceId, link.party, link.token, { decision, organ, actNumber, actDate, ...(actUrl ? { actUrl } : {}), ...(note ? { note } : {}) })
      .then((v) => {
        setView(v);
        setSaved(true);
        // A further decision (e.g. withdrawing later) needs its own act: nothing is carried over.
        setDecision('');
        setActNumber('');
        setActDate('');
        setActUrl('');
        setNote('');
      })
      .catch((e: unknown) => setError((e as Error).message))
      .finally(() => setSaving(false));
  };

  const who = view ? ('code' in view.party ? `Comune di ${view.party.name}` : view.party.partner) : '';
  return (
    <main className="adhesion-page" aria-labelledby="adhesion-title">
      <header className="panel-head">
        <h1 id="adhesion-title">{t('adhesion.title')}</h1>
        <LanguageSwitch />
      </header>
      {error && <p role="alert" className="error">{error === INVALID ? t('adhesion.invalid') : error}</p>}
      {!view && !error && <p aria-busy="true">{t('adhesion.loading')}</p>}
      {view && (
        <>
          <h2>{view.alliance.name}</h2>
          <p>{t('adhesion.intro', { who, alliance: view.alliance.name })}</p>
          <p data-testid="adhesion-status">
            <strong>{t('adhesion.current', { status: t(`builder.statuses.${view.status}`) })}</strong>
            {view.act && <><br />{t('adhesion.currentAct', { act: actLabel(view.act, lang) })}</>}
          </p>
          {view.alliance.constituted && (
            <p className="muted">
              {view.alliance.constituted.constituted ? t('adhesion.constituted') : t('adhesion.notConstituted', { count: view.alliance.constituted.members })}
            </p>
          )}
          {saved && <p role="status" className="badge ok">{t('adhesion.saved', { status: t(`builder.statuses.${view.status}`) })}</p>}
          {view.decisions.length === 0 ? (
            <p className="muted">{t('adhesion.none')}</p>
          ) : (
            <form onSubmit={submit} className="adhesion-form">
              <fieldset>
                <legend>{t('adhesion.decision')}</legend>
                {view.decisions.map((d) => (
                  <label key={d} className="choice">
                    <input type="radio" name="decision" value={d} checked={decision === d} onChange={() => setDecision(d)} /> {t(`adhesion.decisions.${d}`)}
                  </label>
                ))}
              </fieldset>
              <label className="field">
                {t('adhesion.organ')}
                <select value={organ} onChange={(e) => setOrgan(e.target.value as AdhesionOrgan)}>
                  {ADHESION_ORGANS.map((o) => (
                    <option key={o} value={o}>{t(`adhesion.organs.${o}`)}</option>
                  ))}
                </select>
              </label>
              <label className="field">
                {t('adhesion.actNumber')}
                <input required maxLength={40} value={actNumber} onChange={(e) => setActNumber(e.target.value)} />
              </label>
              <label className="field">
                {t('adhesion.actDate')}
                <input required type="date" value={actDate} max={localToday()} onChange={(e) => setActDate(e.target.value)} />
              </label>
              <label className="field">
                {t('adhesion.actUrl')}
                <input type="url" maxLength={500} placeholder="https://" value={actUrl} onChange={(e) => setActUrl(e.target.value)} />
              </label>
              <label className="field">
                {t('adhesion.note')}
                <textarea maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
              </label>
              <p>
                <button type="submit" className="primary" disabled={saving || !decision}>{saving ? t('adhesion.saving') : t('adhesion.submit')}</button>
              </p>
            </form>
          )}
          <p>
            <a href={`/alleanze/${view.alliance.id}`}>{t('adhesion.open')}</a>
          </p>
        </>
      )}
    </main>
  );
}
