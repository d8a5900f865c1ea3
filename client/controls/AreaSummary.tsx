import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { areaRows, SIZE_CLASSES, summarizeArea } from '../../domain/area-summary';
import { isSmallComune } from '../../domain/thresholds';
import type { Atlas } from '../data/atlas';
import { numberFormat } from '../i18n';

/** The Comuni of an area as CSV (RFC 4180, codes quoted so spreadsheets keep their zeros). */
function areaCsv(atlas: Atlas, area: string | null): string {
  const t = atlas.table;
  const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const lines = ['istat_code,comune,province,population,small,inner_area_class,associations'];
  for (const i of areaRows(t, area)) {
    const population = t.population[i] ?? null;
    lines.push([quote(t.code[i]!), quote(t.name[i]!), quote(atlas.provinceByCode.get(t.province[i]!)?.acronym ?? ''), population ?? '', isSmallComune(population) ? 1 : 0, t.innerAreaClass[i] ?? '', t.associations[i] ?? 0].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** What the filtered area adds up to, with its Comuni by size as a bar chart and a CSV of them. */
export function AreaSummary({ atlas, area }: { atlas: Atlas; area: string }) {
  const { t, i18n } = useTranslation();
  const f = numberFormat(i18n.language);
  const s = useMemo(() => summarizeArea(atlas.table, area), [atlas, area]);
  const name = area.length === 2 ? atlas.regionByCode.get(area)?.name : atlas.provinceByCode.get(area)?.name;
  const csvHref = useMemo(() => URL.createObjectURL(new Blob([areaCsv(atlas, area)], { type: 'text/csv;charset=utf-8' })), [atlas, area]);
  useEffect(() => () => URL.revokeObjectURL(csvHref), [csvHref]);
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
        <div><dt>{t('area.associated')}</dt><dd>{f.format(s.inAssociations)}</dd></div>
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
    </section>
  );
}
