import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AllianceListItem } from '../api/types';
import { foldName } from '../../domain/text';
import { numberFormat } from '../i18n';
import { allianceColour } from '../map/alliance-colours';

type SortKey = 'name' | 'population' | 'comuni' | 'updated';
type StatusFilter = 'all' | 'published' | 'draft';

/** Saved alliances: filter by name and status, sort by name, size or last change. */
export function AllianceList({ list, onOpen, onCompare }: { list: readonly AllianceListItem[]; onOpen(id: number): void; onCompare(id: number): void }) {
  const { t, i18n } = useTranslation();
  const f = numberFormat(i18n.language);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [sort, setSort] = useState<SortKey>('name');

  const shown = useMemo(() => {
    const q = foldName(query.trim());
    const rows = list.filter((a) => (status === 'all' || a.status === status) && (q === '' || foldName(a.name).includes(q)));
    const by: Record<SortKey, (a: AllianceListItem, b: AllianceListItem) => number> = {
      name: (a, b) => a.name.localeCompare(b.name, 'it'),
      population: (a, b) => b.totals.population - a.totals.population,
      comuni: (a, b) => b.totals.comuni - a.totals.comuni,
      updated: (a, b) => b.updatedAt.localeCompare(a.updatedAt),
    };
    return rows.sort((a, b) => by[sort](a, b) || a.id - b.id);
  }, [list, query, status, sort]);

  if (list.length === 0) return <p className="muted">{t('alliance.none')}</p>;
  return (
    <>
      <div className="list-filters">
        <label className="field">
          {t('alliance.filter')}
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <label className="field">
          {t('alliance.statusFilter')}
          <select value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
            <option value="all">{t('alliance.allStatuses')}</option>
            <option value="published">{t('alliance.status.published')}</option>
            <option value="draft">{t('alliance.status.draft')}</option>
          </select>
        </label>
        <label className="field">
          {t('alliance.sortBy')}
          <select value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
            {(['name', 'population', 'comuni', 'updated'] as const).map((key) => (
              <option key={key} value={key}>{t(`alliance.sort.${key}`)}</option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted" aria-live="polite">{t('alliance.shown', { count: shown.length, total: list.length })}</p>
      <ul className="link-list" data-testid="alliance-list">
        {shown.map((a) => (
          <li key={a.id}>
            <span className="swatch inline" style={{ background: allianceColour(a.id) }} aria-hidden="true" />
            <button type="button" className="link" onClick={() => onOpen(a.id)}>{a.name}</button>{' '}
            <span className="muted">
              ({t(`alliance.status.${a.status}`)} · {a.totals.comuni} {t('builder.comuni')} · {f.format(a.totals.population)} {t('builder.residents')}
              {a.contiguous ? '' : ` · ${t('alliance.notContiguous')}`})
            </span>{' '}
            <button type="button" className="link" onClick={() => onCompare(a.id)} aria-label={`${t('compare.add')}: ${a.name}`}>
              ⇄
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
