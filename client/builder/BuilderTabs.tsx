import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { BuilderTab } from '../state/view-state';
import { tabForKey } from './tab-keys';

/** A tab's small sign beside its name: a count, or a warning said in words to a screen reader. */
export interface TabBadge {
  text: string;
  /** What the badge means, read with the tab's name. */
  label: string;
  level: 'count' | 'problem';
}

export interface TabSpec {
  id: BuilderTab;
  badge: TabBadge | null;
}

export const tabId = (id: BuilderTab) => `builder-tab-${id}`;
export const tabPanelId = (id: BuilderTab) => `builder-panel-${id}`;

/**
 * The builder's sections as a tab list (WAI-ARIA tabs, automatic activation): one tab stop, the
 * arrows move between tabs and open them, Home and End go to the first and last. On a narrow
 * screen the row scrolls sideways inside itself and fades at the edge where more tabs wait.
 */
export function BuilderTabs({ tabs, selected, onSelect }: { tabs: readonly TabSpec[]; selected: BuilderTab; onSelect(tab: BuilderTab): void }) {
  const { t } = useTranslation();
  const list = useRef<HTMLDivElement>(null);
  const more = useScrollEdges(list);

  // The chosen tab is always in view in its row (after a click, a key or a link); only the row scrolls.
  useEffect(() => {
    const row = list.current;
    const el = document.getElementById(tabId(selected));
    if (!row || !el) return;
    if (el.offsetLeft < row.scrollLeft) row.scrollLeft = el.offsetLeft;
    else if (el.offsetLeft + el.offsetWidth > row.scrollLeft + row.clientWidth) row.scrollLeft = el.offsetLeft + el.offsetWidth - row.clientWidth;
  }, [selected]);

  // The tabs stick to the panel's top: when the panel was scrolled past them, the new section opens at its top, under them.
  const openAtTop = useRef(false);
  useLayoutEffect(() => {
    if (!openAtTop.current) return;
    openAtTop.current = false;
    const panel = list.current?.closest<HTMLElement>('.panel');
    const section = document.getElementById(tabPanelId(selected));
    if (panel && section) panel.scrollTop += section.getBoundingClientRect().top - (list.current?.parentElement?.getBoundingClientRect().bottom ?? panel.getBoundingClientRect().top);
  }, [selected]);

  const choose = (id: BuilderTab, focus: boolean) => {
    const panel = list.current?.closest<HTMLElement>('.panel');
    const row = list.current?.parentElement;
    openAtTop.current = Boolean(panel && row && panel.scrollTop > 0 && row.getBoundingClientRect().top - panel.getBoundingClientRect().top < 3); // (a phone sheet has a 1-px border)
    onSelect(id);
    if (focus) document.getElementById(tabId(id))?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = tabForKey(e.key, tabs.map((tab) => tab.id), selected);
    if (!next) return;
    e.preventDefault();
    choose(next, true);
  };

  return (
    <div className="builder-tabs" data-more-start={more.start || undefined} data-more-end={more.end || undefined}>
      <div role="tablist" aria-label={t('builderTabs.label')} ref={list} onKeyDown={onKeyDown} data-testid="builder-tabs">
        {tabs.map(({ id, badge }) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={tabId(id)}
            aria-controls={tabPanelId(id)}
            aria-selected={id === selected}
            aria-describedby={badge ? `${tabId(id)}-badge` : undefined}
            tabIndex={id === selected ? 0 : -1}
            onClick={() => choose(id, false)}
          >
            {/* The name is what shows (the short one on a narrow screen); the badge's meaning is the tab's description. */}
            <span className="tab-short">{t(`builderTabs.short.${id}`)}</span>
            <span className="tab-long">{t(`builderTabs.${id}`)}</span>
            {badge && (
              <>
                {' '}
                <span className={`tab-badge ${badge.level}`}>{badge.text}</span>
                <span id={`${tabId(id)}-badge`} hidden>
                  {badge.label}
                </span>
              </>
            )}
          </button>
        ))}
      </div>
      {more.end && (
        <span className="builder-tabs-more" aria-hidden="true" title={t('builderTabs.moreTabs')}>
          ›
        </span>
      )}
    </div>
  );
}

/** One section of the builder: shown while its tab is chosen (hidden ones keep their state). */
export function TabPanel({ id, selected, children }: { id: BuilderTab; selected: BuilderTab; children: ReactNode }) {
  return (
    <div role="tabpanel" id={tabPanelId(id)} aria-labelledby={tabId(id)} hidden={id !== selected} tabIndex={0} className="builder-tab-panel" data-testid={tabPanelId(id)}>
      {children}
    </div>
  );
}

/** Whether a sideways-scrolling row has more to show before its start or after its end. */
function useScrollEdges(ref: RefObject<HTMLElement | null>): { start: boolean; end: boolean } {
  const [edges, setEdges] = useState({ start: false, end: false });
  const measure = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const start = el.scrollLeft > 1;
    const end = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
    setEdges((e) => (e.start === start && e.end === end ? e : { start, end }));
  }, [ref]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(el);
    return () => {
      el.removeEventListener('scroll', measure);
      observer?.disconnect();
    };
  }, [ref, measure]);
  return edges;
}
