import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdjacencyGraph } from '../../domain/adjacency';
import { MEMBER_STATUS_COLOURS } from '../map/member-status';
import { CopyButton } from '../controls/CopyButton';
import { sharedDraftLink } from './shared-draft';
import { useOverlaps } from './useOverlaps';
import { RULE_SETS } from '../../domain/rule-sets';
import { frontier } from '../../domain/selection';
import type { Atlas } from '../data/atlas';
import { numberFormat } from '../i18n';
import type { analyzeSelection } from './analysis';
import { DEFAULT_META, useBuilder } from './useBuilder';
import { useDrawStore } from './draw-store';
import { focusOn } from '../state/actions';
import { PART_COLOURS } from './parts';
import { ImportList } from './ImportList';
import { Partners } from './Partners';
import { DrawToolbar } from './DrawToolbar';
import { Suggestions } from './Suggestions';

interface Props {
  atlas: Atlas;
  graph: AdjacencyGraph | null;
  /** The territory's analysis (null until the adjacency graph has come). */
  analysis: ReturnType<typeof analyzeSelection> | null;
  /** The Comuni in the territory (withdrawn members left out). */
  territory: readonly string[];
}

/** «Territorio»: picking the members, their totals, contiguity and rules, the suggestions, overlaps and partners. */
export function TerritoryTab({ atlas, graph, analysis, territory }: Props) {
  const builder = useBuilder();
  const draw = useDrawStore();
  const onShowSelection = (codes: readonly string[]) => focusOn(atlas, codes);
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'it';
  const f = numberFormat(i18n.language);
  const f1 = numberFormat(i18n.language, 1);
  const { state } = builder;
  const members = state.selection.members;
  const [sort, setSort] = useState<'name' | 'population'>('name');
  const overlaps = useOverlaps(territory);
  const serviceCodes = useMemo(() => state.services.map((s) => s.code), [state.services]);

  const rows = useMemo(() => {
    const list = members.map((code) => {
      const i = atlas.row(code);
      return { code, name: atlas.name(code), population: i === undefined ? null : atlas.table.population[i] ?? null };
    });
    return list.sort((a, b) => (sort === 'name' ? a.name.localeCompare(b.name, 'it') : (b.population ?? -1) - (a.population ?? -1)));
  }, [atlas, members, sort]);

  /** Takes a member away; the focus moves to the next one's button (or the previous one's, or the list's heading), never to the page. */
  const [focusAfterRemoval, setFocusAfterRemoval] = useState<{ code: string | null } | null>(null);
  const removeMember = (code: string) => {
    const i = rows.findIndex((r) => r.code === code);
    setFocusAfterRemoval({ code: (rows[i + 1] ?? rows[i - 1])?.code ?? null });
    builder.remove([code]);
  };
  useEffect(() => {
    if (!focusAfterRemoval) return;
    const { code } = focusAfterRemoval;
    const button = code ? document.querySelector<HTMLElement>(`[data-testid="members"] tr[data-code="${code}"] button`) : null;
    (button ?? document.getElementById('builder-members-title') ?? document.getElementById('builder-title'))?.focus();
    setFocusAfterRemoval(null);
  }, [focusAfterRemoval]);

  const totals = analysis?.summary.totals;
  const min = analysis?.ruleSet.minPopulation ?? 10000;
  const mainRegion = analysis?.summary.regions[0]?.code;

  return (
    <>
      <div className="toolbar" role="toolbar" aria-label={t('builder.title')}>
        <button type="button" onClick={builder.undo} disabled={state.selection.past.length === 0}>
          ↶ {t('builder.undo')}
        </button>
        <button type="button" onClick={builder.redo} disabled={state.selection.future.length === 0}>
          ↷ {t('builder.redo')}
        </button>
        <button type="button" disabled={!graph || members.length === 0} onClick={() => graph && builder.add(frontier(members, graph.neighbours))}>
          + {t('builder.addNeighbours')}
        </button>
        <button type="button" disabled={members.length === 0} onClick={() => onShowSelection(members)}>
          {t('builder.showSelection')}
        </button>
        <button type="button" disabled={members.length === 0} onClick={() => builder.replace([])}>
          {t('builder.clear')}
        </button>
      </div>
      {members.length > 0 && !state.editing && (
        <p className="toolbar" data-testid="share-draft">
          <CopyButton text={sharedDraftLink(window.location.origin, members, state.name)} label={t('builder.shareDraft')} />
        </p>
      )}
      <p className="muted">{t('builder.help')}</p>
      <DrawToolbar draw={draw} nameOf={(code) => atlas.name(code)} />
      <ImportList
        onAdd={(codes) => {
          builder.add(codes);
          onShowSelection([...members, ...codes]); // the imported Comuni may be anywhere: show them
        }}
      />

      {members.length === 0 || !totals ? (
        <p>{t('builder.empty')}</p>
      ) : (
        <>
          <div className="big-numbers" data-testid="builder-totals">
            <div><strong>{f.format(totals.population)}</strong> {t('builder.residents')}</div>
            <div><strong>{totals.comuni}</strong> {t('builder.comuni')} ({totals.smallComuni} {t('builder.small')})</div>
            <div><strong>{f1.format(totals.areaKm2)}</strong> {t('builder.km2')}</div>
          </div>
          <label className="field">
            {t('builder.threshold', { min: f.format(min), set: analysis.ruleSet.name[lang] })}
            <meter min={0} max={min} value={Math.min(totals.population, min)}>
              {f.format(totals.population)} / {f.format(min)}
            </meter>
            <span className="muted">{f.format(totals.population)} / {f.format(min)}</span>
          </label>

          <section aria-live="polite" data-testid="contiguity">
            {analysis.contiguity.contiguous ? (
              <p className="badge ok">✓ {t('builder.contiguous')}</p>
            ) : (
              <>
                <p className="badge problem">✗ {t('builder.parts', { count: analysis.contiguity.components.length })}</p>
                <ol className="parts">
                  {analysis.contiguity.components.map((part, n) => (
                    <li key={part[0]}>
                      <span className="swatch" style={{ background: PART_COLOURS[n % PART_COLOURS.length] }} aria-hidden="true" />
                      {part.length === 1 && analysis.contiguity.isolated.includes(part[0] as string)
                        ? t('builder.isolated', { name: atlas.name(part[0] as string) })
                        : t('builder.part', { n: n + 1, names: part.map((c) => atlas.name(c)).join(', ') })}
                    </li>
                  ))}
                </ol>
              </>
            )}
          </section>

          <h3>{t('builder.rules')}</h3>
          <label className="field">
            {t('builder.ruleSet')}
            <select value={state.ruleSetId} onChange={(e) => builder.setFields({ ruleSetId: e.target.value })}>
              <option value="">{t('builder.ruleSetAuto', { name: mainRegion ? atlas.regionByCode.get(mainRegion)?.name ?? mainRegion : '—' })}</option>
              {RULE_SETS.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name[lang]}
                </option>
              ))}
            </select>
          </label>
          <ul className="rules" data-testid="rules">
            {analysis.rules.map((r) => (
              <li key={r.id} className={`rule ${r.level}`}>
                <span className="badge">{t(`builder.level.${r.level}`)}</span> {r.message[lang]} <span className="muted">({r.reference})</span>
              </li>
            ))}
          </ul>

          <Suggestions territory={territory} services={serviceCodes} ruleSetId={state.ruleSetId} onAdd={(code) => builder.add([code])} />

          <h3>{t('builder.overlaps')}</h3>
          {overlaps.length === 0 ? (
            <p className="muted">{t('builder.noOverlaps')}</p>
          ) : (
            <ul className="link-list">
              {overlaps.slice(0, 8).map((o) => (
                <li key={o.id}>{t('builder.overlap', { kind: t(`association.kind.${o.kind}`), name: o.name, count: o.members.length })}</li>
              ))}
            </ul>
          )}

          <h3 id="builder-members-title" tabIndex={-1}>{t('builder.members', { count: members.length })}</h3>
          <table className="members" data-testid="members">
            <thead>
              <tr>
                {/* The buttons' names are their visible text; the order is said by aria-sort, the hint by a title. */}
                <th aria-sort={sort === 'name' ? 'ascending' : undefined}>
                  <button type="button" className="link" onClick={() => setSort('name')} title={t('builder.sortName')}>Comune</button>
                </th>
                <th aria-sort={sort === 'population' ? 'descending' : undefined}>
                  <button type="button" className="link" onClick={() => setSort('population')} title={t('builder.sortPopulation')}>{t('builder.residents')}</button>
                </th>
                <th>{t('builder.lead')}</th>
                <th>{t('builder.status')}</th>
                <th><span className="visually-hidden">{t('builder.clear')}</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const meta = state.meta[row.code] ?? DEFAULT_META;
                return (
                  <tr key={row.code} data-code={row.code}>
                    <td>{row.name}</td>
                    <td className="num">{row.population === null ? '—' : f.format(row.population)}</td>
                    <td>
                      <input type="radio" name="lead" checked={meta.lead} aria-label={`${t('builder.lead')}: ${row.name}`} onChange={() => builder.setMeta(row.code, { lead: true })} />
                    </td>
                    <td>
                      {/* Only the Comune decides its status, through its adhesion link: shown, not edited. */}
                      <span className="status-chip" data-status={meta.status}>
                        <span className="swatch" style={{ background: MEMBER_STATUS_COLOURS[meta.status] }} aria-hidden="true" />
                        {t(`builder.statuses.${meta.status}`)}
                      </span>
                    </td>
                    <td>
                      <button type="button" className="icon-button" aria-label={t('builder.remove', { name: row.name })} onClick={() => removeMember(row.code)}>
                        ×
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}

      <Partners builder={builder} />
    </>
  );
}
