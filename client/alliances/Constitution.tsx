import { useTranslation } from 'react-i18next';
import type { AllianceView } from '../api/types';
import { numberFormat } from '../i18n';
import { Term } from '../about/AboutPanel';

/** The proposed territory next to the constituted one (adhered members only), and whether the latter passes. */
export function Constitution({ alliance }: { alliance: AllianceView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'it';
  const f = numberFormat(i18n.language);
  const c = alliance.constituted;
  if (!c) return null;
  const problems = c.rules.filter((r) => r.level === 'problem');
  return (
    <section aria-labelledby="constitution-title" data-testid="constitution">
      <h3 id="constitution-title">{t('constitution.title')}</h3>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="constitution-title">
        <table className="compact">
          <thead>
            <tr>
              <th />
              <th className="num">{t('builder.comuni')}</th>
              <th className="num">{t('builder.residents')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('constitution.proposed')}</th>
              <td className="num">{alliance.totals.comuni}</td>
              <td className="num">{f.format(alliance.totals.population)}</td>
            </tr>
            <tr>
              <th scope="row">{t('constitution.constituted')}</th>
              <td className="num">{c.members}</td>
              <td className="num">{c.totals ? f.format(c.totals.population) : '—'}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p>
        <span className={`badge ${c.constituted ? 'ok' : 'problem'}`}>{c.constituted ? t('constitution.yes') : t('constitution.no')}</span>{' '}
        <Term id="costituita">{t('about.whatIs')}</Term>
      </p>
      {c.members === 0 && <p className="muted">{t('constitution.none')}</p>}
      {c.members > 0 && problems.length > 0 && <p className="muted">{t('constitution.problems', { problems: problems.map((p) => p.message[lang]).join(' ') })}</p>}
    </section>
  );
}
