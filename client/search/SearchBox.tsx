import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { SearchHit } from '../api/types';
import { numberFormat } from '../i18n';

/**
 * Accent-insensitive autocomplete (an ARIA combobox): type, move with ↑/↓, choose with Enter,
 * close with Escape.
 */
export function SearchBox({ onChoose }: { onChoose(hit: SearchHit): void }) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  /** The text put in the box by choosing a result: not a new query. */
  const chosen = useRef<string | null>(null);

  useEffect(() => {
    const q = query.trim();
    if (q.length === 0 || query === chosen.current) {
      if (q.length === 0) setHits([]);
      return;
    }
    chosen.current = null;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api
        .search(q, controller.signal)
        .then((results) => {
          setHits(results);
          setActive(results.length > 0 ? 0 : -1);
          setOpen(true);
        })
        .catch(() => undefined);
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onChoose(hit);
    chosen.current = hit.name;
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
