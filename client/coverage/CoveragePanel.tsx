import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { populationShare, sortAggregates, type CoverageSortKey } from '../../domain/coverage';
import { ANY_FUNDAMENTAL } from '../../domain/services';
import { useCatalogueQuery } from '../data/queries';
import { numberFormat } from '../i18n';
import { useShownCoverage } from './useShownCoverage';
import { ComuneCoverageCard } from './ComuneCoverageCard';
import type { Atlas } from '../data/atlas';
import { openAlliance } from '../state/actions';
import { updateView, useViewStore } from '../state/view-store';

const onService = (service: string | null) => updateView({ service });
/** Filter the map to a region or province. */
const onArea = (area: string) => updateView({ area });
const onOpenAlliance = openAlliance;

type SortKey = CoverageSortKey | 'name';

/** The gaps' column: Comuni obliged to run the service jointly, or (for any other service) the small ones. */
const gapKey = (obligation: boolean): SortKey => (obligation ? 'obligedUncovered' : 'smallUncovered');
/** The gap column stands for either key: sorting by it follows the service shown. */
const effectiveKey = (key: SortKey, obligation: boolean): SortKey => (key === 'obligedUncovered' || key === 'smallUncovered' ? gapKey(obligation) : key);

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'coverage.area' },
  { key: 'comuni', label: 'coverage.comuni' },
  { key: 'covered', label: 'coverage.coveredCount' },
  { key: 'obligedUncovered', label: 'coverage.obligedCount' },
  { key: 'populationShare', label: 'coverage.populationShare' },
];

/** Which Comuni receive a service, and where the gaps are: totals, sources, and a sortable table by area. */
export function CoveragePanel({ atlas }: { atlas: Atlas | null }) {
  const service = useViewStore((s) => s.view.service);
  const selected = useViewStore((s) => s.view.selected);
  const state = useShownCoverage();
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'it';
  const f = numberFormat(i18n.language);
  const pct1 = numberFormat(i18n.language, 1);
  const pct2 = numberFormat(i18n.language, 2);
  /** A share as a percentage; small shares keep two decimals so that they do not read as zero. */
  const percent = (share: number | null) => {
    const value = 100 * (share ?? 0);
    return `${(value > 0 && value < 1 ? pct2 : pct1).format(value)} %`;
  };
  // The services in use (not retired), through the query cache: an empty choice if it cannot be read.
  const catalogueQuery = useCatalogueQuery(false);
  const catalogue = catalogueQuery.data ?? (catalogueQuery.isError ? [] : null);
  const [level, setLevel] = useState<'region' | 'province'>('region');
  const [sort, setSort] = useState<{ key: SortKey; direction: 'asc' | 'desc' }>({ key: 'obligedUncovered', direction: 'desc' });

  const report = state.report;
  const rows = useMemo(() => {
    if (!report) return [];
    const list = level === 'region' ? report.regions : report.provinces;
    if (sort.key === 'name') {
      const sorted = [...list].sort((a, b) => a.name.localeCompare(b.name, 'it'));
      return sort.direction === 'asc' ? sorted : sorted.reverse();
    }
    return sortAggregates(list, effectiveKey(sort.key, report.obligation) as CoverageSortKey, sort.direction);
  }, [report, level, sort]);

  // Bodies providing the service, with how many Comuni receive it through each (the server's first ten, most first).
  const sources = useMemo(() => (report ? report.sources.map((source) => ({ source, count: source.comuni })) : []), [report]);

  // The regions by share of Comuni covered, for the chart: most covered first, ties by name.
  const chart = useMemo(() => {
    if (!report) return [];
    return [...report.regions]
      .map((a) => ({ ...a, share: a.comuni > 0 ? a.covered / a.comuni : 0 }))
      .sort((a, b) => b.share - a.share || a.name.localeCompare(b.name, 'it'));
  }, [report]);

  const toggleSort = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, direction: s.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: key === 'name' ? 'asc' : 'desc' }));
  const fundamental = catalogue?.filter((s) => s.kind === 'fundamental') ?? [];
  const digital = catalogue?.filter((s) => s.kind === 'digital') ?? [];
  const totals = report?.totals;

  return (
    <aside className="panel" aria-labelledby="coverage-title" data-testid="coverage-panel">
      <h2 id="coverage-title">{t('coverage.title')}</h2>
      <label className="field">
        {t('coverage.service')}
        <select value={service ?? ''} onChange={(e) => onService(e.target.value || null)}>
          <option value="">{t('coverage.choose')}</option>
          <option value={ANY_FUNDAMENTAL}>{t('coverage.anyFundamental')}</option>
          <optgroup label={t('coverage.fundamental')}>
            {fundamental.map((s) => (
              <option key={s.code} value={s.code}>{s.letter}) {s.name[lang]}</option>
            ))}
          </optgroup>
          <optgroup label={t('coverage.digital')}>
            {digital.map((s) => (
              <option key={s.code} value={s.code}>{s.name[lang]}</option>
            ))}
          </optgroup>
        </select>
      </label>
      {!service && <p className="muted">{t('coverage.help')}</p>}
      {service && selected && <ComuneCoverageCard atlas={atlas} service={service} code={selected} />}
      {state.loading && <p aria-busy="true">{t('details.loading')}</p>}
      {state.error && <p role="alert" className="error">{state.error}</p>}
      {report && totals && (
        <>
          <div className="big-numbers" data-testid="coverage-totals">
            <div><strong>{f.format(totals.covered)}</strong> {t('coverage.coveredOf', { total: f.format(totals.comuni) })}</div>
            <div><strong>{percent(populationShare(totals))}</strong> {t('coverage.ofResidents')}</div>
            <div><strong>{f.format(report.obligation ? totals.obligedUncovered : totals.smallUncovered)}</strong> {t(report.obligation ? 'coverage.obligedShort' : 'coverage.smallShort')}</div>
          </div>
          {report.assumption && <p className="muted">{report.assumption[lang]}</p>}
          <h3>{t('coverage.sources')}</h3>
          {sources.length === 0 ? (
            <p className="muted">{t('coverage.noSources')}</p>
          ) : (
            <ul className="link-list" data-testid="coverage-sources">
              {sources.slice(0, 10).map(({ source, count }) => (
                <li key={`${source.kind}-${source.id}`}>
                  {source.kind === 'alliance' ? (
                    <button type="button" className="link" onClick={() => onOpenAlliance(Number(source.id))}>{source.name}</button>
                  ) : (
                    source.name
                  )}{' '}
                  <span className="muted">({t(`association.kind.${source.kind}`)} · {t('coverage.comuniCount', { count })})</span>
                </li>
              ))}
              {report.sourceCount > sources.length && <li className="muted">{t('legend.alliancesMore', { count: report.sourceCount - sources.length })}</li>}
            </ul>
          )}
          <figure className="bars coverage-chart" aria-labelledby="coverage-chart-title" data-testid="coverage-chart">
            <figcaption id="coverage-chart-title">{t('coverage.chartTitle')}</figcaption>
            <table>
              <tbody>
                {chart.map((a) => (
                  <tr key={a.code}>
                    <th scope="row">{a.name}</th>
                    <td>
                      <span className="bar" style={{ width: `${a.share * 100}%` }} aria-hidden="true" />
                      <span className="bar-value">{percent(a.share)} <span className="muted">({f.format(a.covered)}/{f.format(a.comuni)})</span></span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </figure>
          <div role="radiogroup" aria-label={t('coverage.level')} className="inline-options">
            {(['region', 'province'] as const).map((l) => (
              <label key={l}>
                <input type="radio" name="coverage-level" checked={level === l} onChange={() => setLevel(l)} /> {t(`coverage.levels.${l}`)}
              </label>
            ))}
          </div>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('coverage.tableCaption')}>
          <table className="members coverage-table" data-testid="coverage-table">
            <caption className="visually-hidden">{t('coverage.tableCaption')}</caption>
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th key={c.key} scope="col" aria-sort={effectiveKey(sort.key, report.obligation) === effectiveKey(c.key, report.obligation) ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
                    <button type="button" className="link" onClick={() => toggleSort(c.key)}>{t(c.key === 'obligedUncovered' && !report.obligation ? 'coverage.smallCount' : c.label)}</button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.code}>
                  <th scope="row"><button type="button" className="link" onClick={() => onArea(a.code)}>{a.name}</button></th>
                  <td className="num">{f.format(a.comuni)}</td>
                  <td className="num">{f.format(a.covered)}</td>
                  <td className="num">{f.format(report.obligation ? a.obligedUncovered : a.smallUncovered)}</td>
                  <td className="num">{percent(populationShare(a))}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
          <p>
            <a href={`/api/coverage.csv?service=${encodeURIComponent(report.service)}&level=${level}`} download>{t('coverage.exportCsv')}</a> ·{' '}
            <a href={`/api/coverage.xlsx?service=${encodeURIComponent(report.service)}&level=${level}`} download>{t('coverage.exportXlsx')}</a>
          </p>
        </>
      )}
    </aside>
  );
}
