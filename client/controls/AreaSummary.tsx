import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { areaRows, SIZE_CLASSES, smallOutsideUnioniRows, summarizeArea } from '../../domain/area-summary';
import { isSmallComune } from '../../domain/thresholds';
import type { Atlas } from '../data/atlas';
import { numberFormat } from '../i18n';

/**
 * Comuni of the atlas table as CSV (RFC 4180, codes quoted so spreadsheets keep their zeros), one
 * meaning per column: `unioni_comunita` counts Unioni di Comuni and Comunità Montane only.
 */
function comuniCsv(atlas: Atlas, rows: readonly number[]): string {
  const t = atlas.table;
  const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const lines = ['istat_code,comune,province,population,small,mountain,inner_area_class,unioni_comunita'];
  for (const i of rows) {
    const population = t.population[i] ?? null;
    lines.push([quote(t.code[i]!), quote(t.name[i]!), quote(atlas.provinceByCode.get(t.province[i]!)?.acronym ?? ''), population ?? '', isSmallComune(population) ? 1 : 0, t.mountain[i] ?? 0, t.innerAreaClass[i] ?? '', t.unioni[i] ?? 0].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** An object URL for a CSV text, revoked when it changes or the component goes. */
function useCsvHref(text: string): string {
  const href = useMemo(() => URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' })), [text]);
  useEffect(() => () => URL.revokeObjectURL(href), [href]);
  return href;
}

/** What the filtered area adds up to, with its Comuni by size as a bar chart and a CSV of them. */
export function AreaSummary({ atlas, area, onComune }: { atlas: Atlas; area: string; onComune(code: string): void }) {
  const { t, i18n } = useTranslation();
  const f = numberFormat(i18n.language);
  const s = useMemo(() => summarizeArea(atlas.table, area), [atlas, area]);
  const name = area.length === 2 ? atlas.regionByCode.get(area)?.name : atlas.provinceByCode.get(area)?.name;
  const csvHref = useCsvHref(useMemo(() => comuniCsv(atlas, areaRows(atlas.table, area)), [atlas, area]));
  const outside = useMemo(() => smallOutsideUnioniRows(atlas.table, area), [atlas, area]);
  const outsideCsvHref = useCsvHref(useMemo(() => comuniCsv(atlas, outside), [atlas, outside]));
  const [showOutside, setShowOutside] = useState(false);
  const widest = Math.max(1, ...s.sizeClasses);
  const classLabel = (k: number) => {
    const max = SIZE_CLASSES[k] ?? null;
    const min = k === 0 ? 0 : (SIZE_CLASSES[k - 1] as number) + 1;
    return max === null ? t('legend.atLeast', { from: f.format(min) }) : t('legend.range', { from: f.format(min), to: f.format(max) });
  };
  return (
    <section className="area-summary" aria-labelledby="area-summary-title" data-testid="area-summary">
      <h3 id="area-summary-title">{name}</h3>
      <dl className="figures">
        <div><dt>{t('area.comuni')}</dt><dd>{f.format(s.comuni)}</dd></div>
        <div><dt>{t('area.residents')}</dt><dd>{f.format(s.population)}</dd></div>
        <div><dt>{t('area.small')}</dt><dd>{f.format(s.smallComuni)}</dd></div>
        <div><dt>{t('area.obliged')}</dt><dd>{f.format(s.obliged)}</dd></div>
        <div><dt>{t('area.associated')}</dt><dd>{f.format(s.inUnioni)}</dd></div>
        <div><dt>{t('area.smallOutside')}</dt><dd>{f.format(s.smallOutsideUnioni)}</dd></div>
        <div><dt>{t('area.mountain')}</dt><dd>{f.format(s.mountain)}</dd></div>
      </dl>
      <p className="muted">
        {t('area.innerAreas')}:{' '}
        {['A', 'B', 'C', 'D', 'E', 'F'].filter((c) => s.innerAreas[c]).map((c) => `${c} ${f.format(s.innerAreas[c]!)}`).join(' · ')}
      </p>
      <figure className="bars" aria-labelledby="area-sizes-title">
        <figcaption id="area-sizes-title">{t('area.sizes')}</figcaption>
        <table>
          <tbody>
            {s.sizeClasses.map((n, k) => (
              <tr key={k}>
                <th scope="row">{classLabel(k)}</th>
                <td>
                  <span className="bar" style={{ width: `${(n / widest) * 100}%` }} aria-hidden="true" />
                  <span className="bar-value">{f.format(n)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </figure>
      <p>
        <a href={csvHref} download={`comuni-${area}.csv`}>{t('area.csv')}</a>
      </p>
      <label>
        <input type="checkbox" checked={showOutside} onChange={(e) => setShowOutside(e.target.checked)} data-testid="small-outside-toggle" />{' '}
        {t('area.smallOutsideFilter', { count: outside.length })}
      </label>
      {showOutside && (
        <div data-testid="small-outside">
          <ul className="link-list">
            {outside.map((i) => (
              <li key={atlas.table.code[i]}>
                <button type="button" className="link" onClick={() => onComune(atlas.table.code[i] as string)}>{atlas.table.name[i]}</button>{' '}
                <span className="muted">({f.format(atlas.table.population[i] ?? 0)} {t('builder.residents')})</span>
              </li>
            ))}
          </ul>
          <p>
            <a href={outsideCsvHref} download={`piccoli-senza-unione-${area}.csv`}>{t('area.smallOutsideCsv')}</a>
          </p>
        </div>
      )}
    </section>
  );
}
