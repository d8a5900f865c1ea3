import { useTranslation } from 'react-i18next';
import { actLabel } from '../../domain/adhesion';
import { MEMBER_STATUSES } from '../../domain/alliance';
import type { AllianceView } from '../api/types';
import { numberFormat } from '../i18n';
import { MEMBER_STATUS_COLOURS } from '../map/member-status';
import { Term } from '../about/AboutPanel';

const GLOSSARY_ID = { proposed: 'proposto', adhered: 'aderente', declined: 'declinato', withdrawn: 'receduto' } as const;

/** The legend of members by status (as the map colours them), then each member with its status and act. */
export function MemberStatuses({ alliance }: { alliance: AllianceView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'it';
  const f = numberFormat(i18n.language);
  const count = (status: string) => alliance.members.filter((m) => m.status === status).length;
  return (
    <>
      <h3>{t('builder.members', { count: alliance.members.length })}</h3>
      <ul className="legend-list" aria-label={t('statusLegend.title')} data-testid="status-legend">
        {MEMBER_STATUSES.map((s) => (
          <li key={s}>
            <span className="swatch" style={{ background: MEMBER_STATUS_COLOURS[s] }} aria-hidden="true" />
            <strong>{count(s)}</strong> <Term id={GLOSSARY_ID[s]}>{t(`statusLegend.${s}`)}</Term>
          </li>
        ))}
      </ul>
      <ul className="link-list" data-testid="alliance-members">
        {alliance.members.map((m) => (
          <li key={m.code} data-code={m.code} data-status={m.status}>
            <span className="swatch" style={{ background: MEMBER_STATUS_COLOURS[m.status] }} aria-hidden="true" />
            {m.name ?? m.code}{' '}
            <span className="muted">
              · {m.population === null ? '—' : f.format(m.population)} · <strong>{t(`builder.statuses.${m.status}`)}</strong>
              {m.lead && <> · <Term id="capofila">{t('alliance.lead')}</Term></>}
            </span>
            {m.act && (
              <div className="muted act">
                {m.act.url ? <a href={m.act.url} rel="noopener noreferrer" target="_blank">{actLabel(m.act, lang)}</a> : actLabel(m.act, lang)}
                {m.act.note ? ` — ${m.act.note}` : ''}
              </div>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
