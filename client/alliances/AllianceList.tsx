import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AllianceListItem } from '../api/types';
import { foldName } from '../../domain/text';
import { allianceSearchQuery, useAlliancesRevision } from '../data/queries';
import { useDebounced } from '../data/use-debounced';
import { numberFormat } from '../i18n';
import { allianceColour } from '../map/alliance-colours';

type SortKey = 'name' | 'population' | 'comuni' | 'updated';

/** Ids of the alliances with a member Comune matching the query (asked of the server, debounced, through the query cache). */
function useMemberMatches(query: string): ReadonlySet<number> | null {
  const q = query.trim();
  const asked = useDebounced(q, 250);
  const revision = useAlliancesRevision();
  const search = useQuery({ ...allianceSearchQuery(asked, revision ?? 'unknown'), enabled: asked !== '' && revision !== undefined });
  // Only the answer for what is typed now (none while it is being asked).
  const ids = q !== '' && asked === q ? search.data : undefined;
  return useMemo(() => (ids ? new Set(ids) : null), [ids]);
}

/** Published alliances: filter by name or member Comune, sort by name, size or last change (drafts are unlisted). */
export function AllianceList({ list, onOpen, onCompare }: { list: readonly AllianceListItem[]; onOpen(id: number): void; onCompare(id: number): void }) {
  const { t, i18n } = useTranslation();
  const f = numberFormat(i18n.language);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortKey>('name');

  const memberMatches = useMemberMatches(query);

  const shown = useMemo(() => {
    const q = foldName(query.trim());
    const matches = (a: AllianceListItem) => q === '' || foldName(a.name).includes(q) || (memberMatches?.has(a.id) ?? false);
    const rows = list.filter(matches);
    const by: Record<SortKey, (a: AllianceListItem, b: AllianceListItem) => number> = {
      name: (a, b) => a.name.localeCompare(b.name, 'it'),
      population: (a, b) => b.totals.population - a.totals.population,
      comuni: (a, b) => b.totals.comuni - a.totals.comuni,
      updated: (a, b) => b.updatedAt.localeCompare(a.updatedAt),
    };
    return rows.sort((a, b) => by[sort](a, b) || a.id - b.id);
  }, [list, query, sort, memberMatches]);

  if (list.length === 0) return <p className="muted">{t('alliance.none')}</p>;
  return (
    <>
      <div className="list-filters">
        <label className="field">
          {t('alliance.filter')}
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
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
              ({a.totals.comuni} {t('builder.comuni')} · {f.format(a.totals.population)} {t('builder.residents')}
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
