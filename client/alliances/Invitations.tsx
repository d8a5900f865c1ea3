import { useEffect, useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type AdhesionParty } from '../api/client';
import type { AllianceView, InvitationRow, IssuedInvitation } from '../api/types';
import { CopyButton } from '../controls/CopyButton';
import { alliancesChanged } from '../data/follow-revision';
import { invitationsQuery, useAlliancesRevision } from '../data/queries';

interface Props {
  alliance: AllianceView;
  /** The founder's edit token (this browser knows it). */
  token: string;
  /** Links issued by the last save, with their secrets (shown once). */
  issued: readonly IssuedInvitation[];
}

const absolute = (url: string) => `${window.location.origin}${url}`;

/**
 * The founder's adhesion links: the new ones with a ready-to-send message each, and the list of
 * every link (issue a new one, revoke one). The founder never decides for a member.
 */
export function Invitations({ alliance, token, issued }: Props) {
  const { t, i18n } = useTranslation();
  const [fresh, setFresh] = useState<IssuedInvitation[]>([]);
  /** The list of links is read once its section is first opened (then at each alliances revision). */
  const [opened, setOpened] = useState(false);
  const revision = useAlliancesRevision();
  const list = useQuery({ ...invitationsQuery(alliance.id, token, revision ?? 'unknown'), enabled: opened && revision !== undefined, placeholderData: keepPreviousData });
  const rows = list.data ?? null;
  const [actionError, setError] = useState<string | null>(null);
  const error = actionError ?? (list.error ? list.error.message : null);
  const [revoked, setRevoked] = useState<ReadonlySet<number>>(new Set());
  // Links still worth sending: the newest per member or body, none revoked since.
  const shown = [...fresh, ...issued.filter((i) => !fresh.some((f) => same(f, i)))].filter((i) => !revoked.has(i.id));

  const nameOf = (party: { code?: string | null; partner?: string | null }) =>
    party.code ? `Comune di ${alliance.members.find((m) => m.code === party.code)?.name ?? party.code}` : (party.partner ?? '');
  const fail = (e: unknown) => setError((e as Error).message);
  // A new or revoked link moves the alliances revision: the list (and the page) are read again.
  const load = alliancesChanged;
  const reissue = (party: AdhesionParty, live: boolean) => {
    if (live && !window.confirm(t('invitations.confirmReissue', { who: nameOf(party) }))) return;
    void api
      .reissueInvitation(alliance.id, token, party)
      .then((i) => {
        setFresh((list) => [i, ...list.filter((f) => !same(f, i))]);
        return load();
      })
      .catch(fail);
  };
  const revoke = (row: InvitationRow) => {
    if (!window.confirm(t('invitations.confirmRevoke', { who: nameOf(row) }))) return;
    api
      .revokeInvitation(alliance.id, token, row.id)
      .then(() => {
        setRevoked((ids) => new Set([...ids, row.id]));
        return load();
      })
      .catch(fail);
  };
  const csvHref = useCsvHref(invitationsCsv(shown.map((i) => ({ who: nameOf(partyOf(i)), code: 'code' in i ? i.code : '', url: absolute(i.url) }))));
  const date = (iso: string) => new Date(iso).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'it-IT');
  const parties: AdhesionParty[] = [...alliance.members.map((m) => ({ code: m.code })), ...alliance.partners.map((p) => ({ partner: p.name }))];

  return (
    <section aria-labelledby="invitations-title" data-testid="invitations">
      <h3 id="invitations-title">{t('invitations.title')}</h3>
      <p className="muted">{t('invitations.intro')}</p>
      {error && <p role="alert">{error}</p>}
      {shown.length > 0 && (
        <>
          <p><strong>{t('invitations.issued')}</strong></p>
          <p className="toolbar">
            <CopyButton text={shown.map((i) => `${nameOf(partyOf(i))}: ${absolute(i.url)}`).join('\n')} label={t('invitations.copyAll')} />
            <a href={csvHref} download={`adesioni-${alliance.id}.csv`} data-testid="invitations-csv">{t('invitations.downloadCsv')}</a>
          </p>
          <ul className="link-list invitation-list">
            {shown.map((i) => {
              const who = nameOf(partyOf(i));
              const message = t('invitations.message', { who, alliance: alliance.name, url: absolute(i.url), page: absolute(`/alleanze/${alliance.id}`) });
              return (
                <li key={i.id} data-testid="invitation" data-code={'code' in i ? i.code : undefined}>
                  <div><strong>{who}</strong></div>
                  <input className="edit-link" readOnly value={absolute(i.url)} aria-label={`${t('invitations.title')}: ${who}`} onFocus={(e) => e.target.select()} />
                  <p className="toolbar">
                    <CopyButton text={absolute(i.url)} label={t('invitations.copyLink')} />
                    <CopyButton text={message} label={t('invitations.copyText')} />
                  </p>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <details onToggle={(e) => (e.currentTarget.open ? setOpened(true) : undefined)}>
        <summary>{t('invitations.manage')}</summary>
        {rows && (
          <ul className="link-list">
            {parties.map((party) => {
              const live = rows.find((r) => r.revokedAt === null && ('code' in party ? r.code === party.code : r.partner?.toLocaleLowerCase() === party.partner.toLocaleLowerCase()));
              return (
                <li key={'code' in party ? party.code : `p:${party.partner}`}>
                  {nameOf(party)} · {live ? t('invitations.since', { date: date(live.createdAt) }) : <span className="muted">{t('invitations.noLink')}</span>}
                  <span className="toolbar inline">
                    <button type="button" onClick={() => reissue(party, live !== undefined)}>{t('invitations.reissue')}</button>
                    {live && <button type="button" onClick={() => revoke(live)}>{t('invitations.revoke')}</button>}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </details>
    </section>
  );
}

const partyOf = (i: IssuedInvitation) => ('code' in i ? { code: i.code } : { partner: i.partner });

/** The links as a CSV (name, ISTAT code, link), to send them by mail merge. */
function invitationsCsv(rows: readonly { who: string; code: string; url: string }[]): string {
  const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
  return `${['ente,codice_istat,link', ...rows.map((r) => [quote(r.who), quote(r.code), quote(r.url)].join(','))].join('\r\n')}\r\n`;
}

/** An object URL for a CSV text, revoked when it changes or the component goes. */
function useCsvHref(text: string): string {
  const href = useMemo(() => URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' })), [text]);
  useEffect(() => () => URL.revokeObjectURL(href), [href]);
  return href;
}

const same = (a: IssuedInvitation, b: IssuedInvitation) => ('code' in a && 'code' in b ? a.code === b.code : 'partner' in a && 'partner' in b && a.partner === b.partner);
