import { useTranslation } from 'react-i18next';
import type { FeeReport } from '../../domain/fee-report';
import { formatEuro } from '../../domain/fees';

/** Each member's yearly fee per service, with totals and whether fees cover the costs (principle 6). */
export function FeeTable({ report, csvHref }: { report: FeeReport; /** The CSV download; the Excel one is beside it. */ csvHref?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'it';
  const euro = (cents: number) => formatEuro(cents, lang === 'en' ? 'en-GB' : 'it-IT');
  const { sustainability: s } = report;
  if (report.services.length === 0) return <p className="muted">{t('fees.none')}</p>;
  const level = s.balanceCents >= 0 ? 'ok' : s.ratio !== null && s.ratio >= 0.9 ? 'advice' : 'problem';
  return (
    <section aria-labelledby="fees-title" data-testid="fee-table">
      <h3 id="fees-title">{t('fees.title')}</h3>
      <p className={`badge ${level}`} data-testid="sustainability">
        {t(s.grantsCents > 0 ? (s.balanceCents >= 0 ? 'fees.sustainableGrants' : 'fees.deficitGrants') : s.balanceCents >= 0 ? 'fees.sustainable' : 'fees.deficit', {
          fees: euro(s.feesCents),
          grants: euro(s.grantsCents),
          costs: euro(s.costsCents),
          balance: euro(Math.abs(s.balanceCents)),
        })}
      </p>
      {s.grantsCents > 0 && (
        <ul className="link-list" data-testid="grants">
          {report.services.filter((x) => x.grantsCents > 0).map((x) => (
            <li key={x.code}>
              {x.name[lang]}: {t('fees.grantsFrom', { sources: x.grants.map((g) => `${g.source} ${euro(g.amountCents)}`).join('; ') })}
            </li>
          ))}
        </ul>
      )}
      {report.runningCostCents > 0 && <p className="muted">{t('fees.running', { amount: euro(report.runningCostCents) })}</p>}
      {report.services.filter((x) => x.note).map((x) => (
        <p key={x.code} className="muted">{x.name[lang]}: {x.note![lang]}</p>
      ))}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('fees.title')}>
        <table className="members fees">
          <caption className="visually-hidden">{t('fees.title')}</caption>
          <thead>
            <tr>
              <th scope="col">Comune</th>
              {report.services.map((x) => (
                <th key={x.code} scope="col" title={x.name[lang]}>{x.name[lang]}</th>
              ))}
              <th scope="col">{t('fees.total')}</th>
            </tr>
          </thead>
          <tbody>
            {report.members.map((m) => (
              <tr key={m.code} data-code={m.code}>
                <th scope="row">{m.name}</th>
                {report.services.map((x) => (
                  <td key={x.code} className="num" data-label={x.name[lang]}>{euro(m.feesCents[x.code] ?? 0)}</td>
                ))}
                <td className="num" data-label={t('fees.total')}><strong>{euro(m.totalCents)}</strong></td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('fees.total')}</th>
              {report.services.map((x) => (
                <td key={x.code} className="num" data-label={x.name[lang]}>{euro(x.recipients > 0 ? x.chargedCents : 0)}</td>
              ))}
              <td className="num" data-label={t('fees.total')}><strong>{euro(s.feesCents)}</strong></td>
            </tr>
          </tfoot>
        </table>
      </div>
      {csvHref && (
        <p>
          <a href={csvHref} download>{t('fees.exportCsv')}</a> · <a href={csvHref.replace(/\.csv$/, '.xlsx')} download>{t('fees.exportXlsx')}</a>
        </p>
      )}
    </section>
  );
}
