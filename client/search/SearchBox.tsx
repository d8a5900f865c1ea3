import { useId, useRef, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../api/types';
import { searchQuery } from '../data/queries';
import { useDebounced } from '../data/use-debounced';
import { numberFormat } from '../i18n';

const NO_HITS: SearchHit[] = [];

/**
 * Accent-insensitive autocomplete (an ARIA combobox): type, move with ↑/↓, choose with Enter,
 * close with Escape. The results come through the query cache (a word typed again is not asked
 * again; a request overtaken by more typing is aborted).
 */
export function SearchBox({ onChoose }: { onChoose(hit: SearchHit): void }) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  /** The text put in the box by choosing a result: not a new query. */
  const [chosen, setChosen] = useState<string | null>(null);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);

  const q = query.trim();
  const asked = useDebounced(query === chosen ? '' : q, 120);
  const search = useQuery({ ...searchQuery(asked), enabled: asked.length > 0, placeholderData: keepPreviousData });
  const hits = q.length === 0 ? NO_HITS : (search.data ?? NO_HITS);
  // Each answer for what is asked (not an earlier text's, kept while it loads) opens the list on its first result.
  const answer = asked.length > 0 && !search.isPlaceholderData ? search.data : undefined;
  const [shown, setShown] = useState<SearchHit[] | undefined>(undefined);
  if (answer !== undefined && answer !== shown) {
    setShown(answer);
    setOpen(true);
    setActive(answer.length > 0 ? 0 : -1);
  }

  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onChoose(hit);
    setChosen(hit.name);
    setQuery(hit.name);
    setOpen(false);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(hits.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(hits[active]);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };

  const f = numberFormat(i18n.language);
  const expanded = open && query.trim().length > 0;
  return (
    <div className="search" role="search">
      <label htmlFor={`${listId}-input`} className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        id={`${listId}-input`}
        ref={input}
        type="search"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        placeholder={t('search.placeholder')}
        value={query}
        autoComplete="off"
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        onFocus={() => hits.length > 0 && setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <ul id={listId} role="listbox" className="search-results" hidden={!expanded} aria-label={t('search.label')}>
        {hits.length === 0 && expanded && <li className="muted">{t('search.noResults')}</li>}
        {hits.map((hit, i) => (
          <li
            key={hit.code}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(hit);
            }}
          >
            <strong>{hit.name}</strong> <span className="muted">({hit.provinceAcronym}) · {hit.population === null ? '—' : f.format(hit.population)}</span>
          </li>
        ))}
      </ul>
      <span className="visually-hidden" aria-live="polite">
        {expanded ? t('search.results', { count: hits.length }) : ''}
      </span>
    </div>
  );
}
