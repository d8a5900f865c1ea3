import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import i18next from 'i18next';
import type { AllianceView, IssuedInvitation } from '../api/types';
import { useAlliance, useAllianceList } from '../data/queries';
import { useAllianceStore } from './alliance-store';
import { editAlliance } from '../builder/save-store';
import { addToComparison, openAlliance } from '../state/actions';
import { alliancesChanged } from '../data/follow-revision';
import { useMapStore } from '../state/map-store';
import { updateView } from '../state/view-store';
import { printWithMap } from '../share/print';

const NO_INVITATIONS: readonly IssuedInvitation[] = [];
import { numberFormat } from '../i18n';
import { editLink, editToken } from './edit-tokens';
import { AllianceList } from './AllianceList';
import { OwnDrafts } from './OwnDrafts';
import { AllianceServices } from './AllianceServices';
import { ContiguityExceptionForm } from '../admin/ContiguityExceptionForm';
import { CopyButton } from '../controls/CopyButton';
import { AllianceHistory } from './AllianceHistory';
import { Constitution } from './Constitution';
import { GovernanceSection } from '../governance/GovernanceSection';
import { Invitations } from './Invitations';
import { MemberStatuses } from './MemberStatuses';
import { RotateEditLink } from './RotateEditLink';
import { Term } from '../about/AboutPanel';
import type { Atlas } from '../data/atlas';

interface Props {
  id: number | null;
  atlas: Atlas | null;
}

const onOpen = openAlliance;
const onCompare = (id: number) => addToComparison({ type: 'alliance', id });
const onLoaded = (shown: AllianceView | null) => useAllianceStore.setState({ shown });
const onEdit = (alliance: AllianceView, token: string) => {
  editAlliance(alliance, token);
  updateView({ mode: 'build' });
};
/** Prints the page as a dossier (the map as a picture, then this panel). */
const onPrint = () => void printWithMap(useMapStore.getState().snapshot, i18next.t('map.label'));

/** The list of saved alliances, or one alliance's public page (read-only unless this browser can edit it). */
export function AlliancePanel({ id, atlas }: Props) {
  const issued = useAllianceStore((s) => s.issued);
  const newToken = issued && issued.id === id ? issued.token : null;
  const newInvitations = issued && issued.id === id ? issued.invitations : NO_INVITATIONS;
  const onChanged = alliancesChanged;
  const listQuery = useAllianceList(id === null);
  const list = listQuery.data ?? null;
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'it';
  const f = numberFormat(i18n.language);
  // The alliance through the query cache, at the current alliances revision: read again when anyone changes it.
  const shownQuery = useAlliance(id);
  const alliance = id === null ? null : (shownQuery.data ?? null);
  /** What a delete from this page answered, when it failed. */
  const [deleteError, setError] = useState<{ id: number | null; message: string } | null>(null);
  const error = (deleteError && deleteError.id === id ? deleteError.message : null) ?? (id !== null && shownQuery.error ? shownQuery.error.message : null);

  useEffect(() => {
    onLoaded(alliance);
  }, [alliance]);

  // Just saved: the focus lands on the saved alliance's page, not on the page's body.
  const justSaved = alliance !== null && issued?.id === alliance.id;
  useEffect(() => {
    if (justSaved) document.getElementById('alliance-title')?.focus();
  }, [justSaved]);

  /** After a change made from this page: the alliance is read again in place (the panel stays, with any message it shows). */
  const reload = onChanged;

  const shownError = error ?? (listQuery.error ? listQuery.error.message : null);
  if (shownError) return <aside className="panel"><p role="alert">{t('details.error', { message: shownError })}</p></aside>;

  if (id === null) {
    return (
      <aside className="panel" aria-labelledby="alliances-title">
        <h2 id="alliances-title">{t('alliance.list')}</h2>
        {list === null ? <p>{t('details.loading')}</p> : <AllianceList list={list} onOpen={onOpen} onCompare={onCompare} />}
        <OwnDrafts onOpen={onOpen} />
      </aside>
    );
  }

  if (!alliance) return <aside className="panel"><p aria-busy="true">{t('details.loading')}</p></aside>;
  const token = editToken(alliance.id);
  return (
    <aside className="panel" aria-labelledby="alliance-title" data-testid="alliance-page">
      <div className="panel-head">
        <h2 id="alliance-title" tabIndex={-1}>{alliance.name}</h2>
        <button type="button" className="icon-button" aria-label={t('details.close')} onClick={() => onOpen(null)}>×</button>
      </div>
      <p className="muted">
        <Term id="bozza">{t(`alliance.status.${alliance.status}`)}</Term> · {t('alliance.version', { version: alliance.version })} ·{' '}
        <Term id="ali">{t('about.title')}</Term>
      </p>
      {alliance.description && <p className="description">{alliance.description}</p>}
      {newToken && (
        <div className="card" data-testid="edit-link">
          <p>{t('alliance.editLink')}</p>
          <input className="edit-link" readOnly value={editLink(alliance.id, newToken)} onFocus={(e) => e.target.select()} aria-label={t('alliance.editLink')} />
          <p className="toolbar"><CopyButton text={editLink(alliance.id, newToken)} label={t('alliance.copyEditLink')} /></p>
        </div>
      )}
      {token && !newToken && <RotateEditLink allianceId={alliance.id} token={token} onRotated={reload} />}
      <div className="big-numbers" data-testid="alliance-totals">
        <div><strong>{f.format(alliance.totals.population)}</strong> {t('builder.residents')}</div>
        <div><strong>{alliance.totals.comuni}</strong> {t('builder.comuni')} ({alliance.totals.smallComuni} {t('builder.small')})</div>
      </div>
      <p className={`badge ${alliance.contiguity.contiguous ? 'ok' : 'problem'}`}>
        {alliance.contiguity.contiguous ? `✓ ${t('builder.contiguous')}` : `✗ ${t('builder.parts', { count: alliance.contiguity.components.length })}`}
      </p>
      {alliance.contiguityException && (
        <p className="muted" data-testid="contiguity-exception">{t('alliance.exception', { reason: alliance.contiguityException })}</p>
      )}
      {(!alliance.contiguity.contiguous || alliance.contiguityException) && (
        <ContiguityExceptionForm allianceId={alliance.id} version={alliance.version} current={alliance.contiguityException} onSaved={reload} />
      )}
      <h3>{t('builder.rules')} <span className="muted">({alliance.ruleSet.name[lang]})</span></h3>
      <ul className="rules">
        {alliance.rules.map((r) => (
          <li key={r.id} className={`rule ${r.level}`}><span className="badge">{t(`builder.level.${r.level}`)}</span> {r.message[lang]}</li>
        ))}
      </ul>
      <Constitution alliance={alliance} />
      <GovernanceSection alliance={alliance} token={token} />
      <MemberStatuses alliance={alliance} />
      {alliance.partners.length > 0 && (
        <>
          <h3>{t('alliance.partners')}</h3>
          <ul className="link-list">
            {alliance.partners.map((p, i) => (
              <li key={i}>
                {p.name} <span className="muted">({t(`builder.partnerKinds.${p.kind}`)}{p.role ? ` · ${p.role}` : ''}) · <strong>{t(`builder.statuses.${p.status}`)}</strong></span>
              </li>
            ))}
          </ul>
        </>
      )}
      <AllianceServices alliance={alliance} atlas={atlas} />
      {token && <Invitations alliance={alliance} token={token} issued={newInvitations} />}
      <AllianceHistory id={alliance.id} version={alliance.version} />
      <p className="toolbar">
        <a href={`/api/alliances/${alliance.id}/export.csv`} download>{t('alliance.exportCsv')}</a>
        <a href={`/api/alliances/${alliance.id}/export.xlsx`} download>{t('alliance.exportXlsx')}</a>
        <a href={`/api/alliances/${alliance.id}/export.geojson`} download>{t('alliance.exportGeojson')}</a>
        <button type="button" onClick={() => onCompare(alliance.id)}>{t('compare.add')}</button>
        <button type="button" onClick={onPrint}>{t('alliance.print')}</button>
        {token && <button type="button" className="primary" onClick={() => onEdit(alliance, token)}>{t('alliance.edit')}</button>}
        {token && (
          <button
            type="button"
            onClick={() => {
              if (!window.confirm(t('alliance.confirmDelete', { name: alliance.name }))) return;
              api
                .deleteAlliance(alliance.id, alliance.version, token)
                // The list opens at the revision after the delete (asked for once, without it).
                .then(() => onChanged())
                .then(() => onOpen(null))
                .catch((e: unknown) => setError({ id: alliance.id, message: (e as Error).message }));
            }}
          >
            {t('alliance.delete')}
          </button>
        )}
      </p>
    </aside>
  );
}
