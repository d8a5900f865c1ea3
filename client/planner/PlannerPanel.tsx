import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { MAX_FLOOR, MIN_FLOOR } from '../../domain/planner/limits';
import type { KeepAssociations, PlanScore } from '../../domain/planner/types';
import { api } from '../api/client';
import { useGraph } from '../builder/graph';
import { useBuilderStore } from '../builder/builder-store';
import type { Atlas } from '../data/atlas';
import { numberFormat } from '../i18n';
import { closePanel, focusOn, startBuilding } from '../state/actions';
import { updateView, useViewStore } from '../state/view-store';
import { areaCodes, planJob, type PlannerTables } from './plan-input';
import { PLAN_PALETTE } from './plan-colours';
import { downloadText, planCsv, planGeoJson } from './plan-export';
import { UNASSIGNED_COLOUR } from './plan-layer';
import { readPlanParams, SEED_MAX, writePlanParams, type PlanParams } from './plan-url';
import { cancelPlan, pinCurrent, startPlan, unpin, usePlannerStore, type PlanRunResult } from './planner-store';
import { saveAllAsDrafts, useDraftsStore } from './save-drafts';

/** The planner's time budget in the browser (the API's cap): a seed gives the same plan unless it runs out. */
const TIME_LIMIT_MS = 10_000;

/** The tables the planner reads: the atlas (loaded), the builder's border graph and the memberships. */
function usePlannerTables(atlas: Atlas | null): PlannerTables | null {
  const graph = useGraph(atlas, true);
  const memberships = useQuery({ queryKey: ['atlas', 'memberships'], queryFn: () => api.memberships() }).data;
  return useMemo(() => (atlas && graph && memberships ? { atlas: atlas.table, neighbours: graph.neighbours, memberships } : null), [atlas, graph, memberships]);
}

const randomSeed = () => Math.floor(Math.random() * SEED_MAX);

/** What the URL asks for as one key: a run is started when it changes (a click, or a shared link opened). */
const runKey = (area: string | null, plan: string | null) => `${area ?? ''}|${plan ?? ''}`;

/** "Proponi": a plan of alliances for a region, a province or the builder's selection, run in a Worker. */
export function PlannerPanel({ atlas }: { atlas: Atlas | null }) {
  const { t, i18n } = useTranslation();
  const nf = numberFormat(i18n.language);
  const area = useViewStore((s) => s.view.area);
  const planParam = useViewStore((s) => s.view.plan);
  const params = useMemo(() => readPlanParams(planParam), [planParam]);
  const tables = usePlannerTables(atlas);
  const { status, current, pinned } = usePlannerStore();
  const selection = useBuilderStore((s) => s.state.selection.members);
  const [floor, setFloor] = useState(String(params.minPopulation));
  const [keep, setKeep] = useState<KeepAssociations>(params.keepAssociations);
  const [seed, setSeed] = useState(params.seed === null ? '' : String(params.seed));
  const [useSelection, setUseSelection] = useState(params.codes !== null);
  const key = runKey(params.codes ? null : area, planParam);

  // A run for every new request in the URL with a seed (a click on Proponi, or a shared link).
  useEffect(() => {
    if (!tables || params.seed === null) return;
    if (current?.key === key || (status.state !== 'idle' && status.key === key)) return;
    const codes = params.codes ?? (area ? areaCodes(tables.atlas, area) : []);
    if (codes.length === 0) return;
    const job = planJob(tables, codes, { minPopulation: params.minPopulation, keepAssociations: params.keepAssociations, seed: params.seed, timeLimitMs: TIME_LIMIT_MS });
    void startPlan(key, params.codes ? null : area, job, tables);
  }, [tables, key, params, area, current?.key, status]);

  // A new plan: its heading comes into view (on a phone the form fills the sheet above it).
  const shownKey = current?.key;
  useEffect(() => {
    if (shownKey) document.getElementById('plan-result')?.scrollIntoView({ block: 'start' });
  }, [shownKey]);

  const floorValue = Number(floor);
  const floorValid = Number.isInteger(floorValue) && floorValue >= MIN_FLOOR && floorValue <= MAX_FLOOR;
  const seedValue = seed.trim() === '' ? null : Number(seed);
  const seedValid = seedValue === null || (Number.isInteger(seedValue) && seedValue >= 0 && seedValue <= SEED_MAX);
  const territoryChosen = useSelection ? selection.length > 0 : area !== null;
  const running = status.state === 'running';

  const propose = (newSeed: boolean) => {
    const chosen = newSeed || seedValue === null ? randomSeed() : seedValue;
    setSeed(String(chosen));
    const next: PlanParams = { minPopulation: floorValue, keepAssociations: keep, seed: chosen, codes: useSelection ? [...selection] : null };
    updateView({ plan: writePlanParams(next) });
  };

  const areas = atlas ? [...atlas.table.regions.map((r) => ({ code: r.code, name: r.name })), ...atlas.table.provinces.map((p) => ({ code: p.code, name: `${p.name} (${p.acronym})` }))] : [];
  const shown = current?.shown ?? null;

  return (
    <aside className="panel wide-panel planner" aria-labelledby="planner-title" data-testid="planner-panel" onKeyDown={(e) => e.key === 'Escape' && !running && closePanel()}>
      <div className="panel-head">
        <h2 id="planner-title">{t('planner.title')}</h2>
        <button type="button" className="icon-button" aria-label={t('details.close')} onClick={closePanel}>
          ×
        </button>
      </div>
      <p className="muted">{t('planner.intro')}</p>
      <form
        className="planner-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (floorValid && seedValid && territoryChosen && !running) propose(false);
        }}
      >
        <fieldset>
          <legend>{t('planner.territory')}</legend>
          <label>
            <input type="radio" name="planner-territory" checked={!useSelection} onChange={() => setUseSelection(false)} /> {t('planner.area')}
          </label>
          <select aria-label={t('planner.area')} value={area ?? ''} disabled={useSelection} onChange={(e) => updateView({ area: e.target.value || null })}>
            <option value="">{t('planner.chooseArea')}</option>
            {areas.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </select>
          <label>
            <input type="radio" name="planner-territory" checked={useSelection} disabled={selection.length === 0} onChange={() => setUseSelection(true)} />{' '}
            {t('planner.selection', { count: selection.length })}
          </label>
        </fieldset>
        <label className="field">
          {t('planner.floor')}
          <input type="number" inputMode="numeric" min={MIN_FLOOR} max={MAX_FLOOR} step={1000} value={floor} onChange={(e) => setFloor(e.target.value)} aria-invalid={!floorValid} />
        </label>
        {!floorValid && <p className="error">{t('planner.floorRange', { min: nf.format(MIN_FLOOR), max: nf.format(MAX_FLOOR) })}</p>}
        <label className="field">
          {t('planner.keep')}
          <select value={keep} onChange={(e) => setKeep(e.target.value as KeepAssociations)}>
            <option value="hard">{t('planner.keepHard')}</option>
            <option value="soft">{t('planner.keepSoft')}</option>
            <option value="off">{t('planner.keepOff')}</option>
          </select>
        </label>
        <label className="field">
          {t('planner.seed')}
          <input type="text" inputMode="numeric" value={seed} placeholder={t('planner.seedRandom')} onChange={(e) => setSeed(e.target.value)} aria-invalid={!seedValid} />
        </label>
        <div className="toolbar">
          <button type="submit" className="primary" disabled={!floorValid || !seedValid || !territoryChosen || running || !tables}>
            {t('planner.run')}
          </button>
          <button type="button" disabled={!floorValid || !territoryChosen || running || !tables} onClick={() => propose(true)}>
            {t('planner.otherSeed')}
          </button>
          {running && (
            <button type="button" onClick={cancelPlan}>
              {t('planner.cancel')}
            </button>
          )}
        </div>
      </form>
      {!tables && <p className="muted">{t('planner.loading')}</p>}
      <div aria-live="polite" data-testid="planner-status">
        {running && (
          <p>
            <label>
              {t('planner.running')} <progress max={1} value={status.progress} />
            </label>
          </p>
        )}
        {status.state === 'cancelled' && <p className="muted">{t('planner.cancelled')}</p>}
        {status.state === 'error' && <p className="error">{t('planner.error', { message: status.message })}</p>}
      </div>
      {current && shown && (
        <section aria-labelledby="plan-result" data-testid="plan-result" data-seed={current.plan.seed}>
          <h3 id="plan-result">{t('planner.result', { count: shown.alliances.length })}</h3>
          <Score run={current} other={pinned} />
          <div className="toolbar">
            <button type="button" onClick={pinCurrent} disabled={pinned === current}>
              {t('planner.pin')}
            </button>
            {pinned && (
              <button type="button" onClick={unpin}>
                {t('planner.unpin')}
              </button>
            )}
          </div>
          <PlanActions run={current} atlas={atlas} />
          <p className="legend-list" aria-hidden="true">
            <span className="swatch" style={{ background: UNASSIGNED_COLOUR }} /> {t('planner.unassignedLegend')}
          </p>
          <div className="table-scroll" role="region" aria-labelledby="plan-result" tabIndex={0}>
            <table className="members plan-table" data-testid="plan-table">
              <thead>
                <tr>
                  <th scope="col">{t('planner.col.alliance')}</th>
                  <th scope="col">{t('planner.col.comuni')}</th>
                  <th scope="col">{t('planner.col.residents')}</th>
                  <th scope="col">{t('planner.col.small')}</th>
                  <th scope="col">{t('planner.col.mountain')}</th>
                  <th scope="col">{t('planner.col.unioni')}</th>
                  <th scope="col">{t('planner.col.sllSnai')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.alliances.map((a) => (
                  <tr key={a.number} data-colour={PLAN_PALETTE[a.colour]}>
                    <th scope="row">
                      <span className="swatch" style={{ background: PLAN_PALETTE[a.colour] }} aria-hidden="true" />
                      <button type="button" className="link" onClick={() => atlas && focusOn(atlas, a.members)}>
                        {a.number}. {a.label}
                      </button>
                    </th>
                    <td>{nf.format(a.members.length)}</td>
                    <td>{nf.format(a.population)}</td>
                    <td>{nf.format(a.small)}</td>
                    <td>{nf.format(a.mountain)}</td>
                    <td>
                      {t('planner.keptSplit', { kept: a.kept.length, split: a.split.length })}
                    </td>
                    <td>{[a.sll?.name, a.snai?.name].filter(Boolean).join(' · ') || '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>{t('planner.why')}</h3>
          <ol className="plan-explanations" data-testid="plan-explanations">
            {shown.alliances.map((a) => (
              <li key={a.number} data-members={a.members.join(' ')} data-colour={PLAN_PALETTE[a.colour]}>
                <h4>
                  <span className="swatch" style={{ background: PLAN_PALETTE[a.colour] }} aria-hidden="true" /> {a.label}
                </h4>
                <p>
                  {t('planner.explain.population', { population: nf.format(a.population), floor: nf.format(current.minPopulation), margin: nf.format(a.marginOverFloor) })}
                </p>
                {a.kept.length > 0 && <p>{t('planner.explain.kept', { names: a.kept.join(', ') })}</p>}
                {a.split.length > 0 && <p>{t('planner.explain.split', { names: a.split.join(', ') })}</p>}
                {a.sll && <p>{t('planner.explain.sll', { name: a.sll.name, count: a.sll.members, total: a.members.length })}</p>}
                {a.snai && <p>{t('planner.explain.snai', { name: a.snai.name, count: a.snai.members, total: a.members.length })}</p>}
                <p>{t('planner.explain.contiguous', { count: a.members.length })}</p>
                <button type="button" onClick={() => startBuilding(a.members, a.association ?? t('planner.draftName', { name: a.largest, count: a.members.length - 1 }))}>
                  {t('planner.openInBuilder')}
                </button>
              </li>
            ))}
          </ol>
          {current.plan.unassigned.length > 0 && (
            <>
              <h3>{t('planner.unassigned', { count: current.plan.unassigned.length })}</h3>
              <ul data-testid="plan-unassigned">
                {current.plan.unassigned.map((u) => (
                  <li key={u.code}>
                    <strong>{atlas?.name(u.code) ?? u.code}</strong>: {t(`planner.reason.${u.reason}`)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </aside>
  );
}

const SCORE_ROWS: readonly (keyof PlanScore)[] = ['alliances', 'upperBound', 'associationsSplit', 'sllSplit', 'snaiSplit', 'compactness'];

/** The run's scores, beside the kept run's when there is one. */
function Score({ run, other }: { run: PlanRunResult; other: PlanRunResult | null }) {
  const { t, i18n } = useTranslation();
  const nf = numberFormat(i18n.language);
  const nf2 = numberFormat(i18n.language, 2);
  const value = (r: PlanRunResult, k: keyof PlanScore) => (k === 'compactness' ? nf2.format(r.plan.score[k]) : nf.format(r.plan.score[k]));
  const columns = other && other !== run ? [other, run] : [run];
  return (
    <table className="facts-table" data-testid="plan-score">
      {columns.length > 1 && (
        <thead>
          <tr>
            <td />
            <th scope="col">{t('planner.kept')}</th>
            <th scope="col">{t('planner.latest')}</th>
          </tr>
        </thead>
      )}
      <tbody>
        {SCORE_ROWS.map((k) => (
          <tr key={k}>
            <th scope="row">{t(`planner.score.${k}`)}</th>
            {columns.map((r) => (
              <td key={r.key}>{value(r, k)}</td>
            ))}
          </tr>
        ))}
        <tr>
          <th scope="row">{t('planner.score.unassigned')}</th>
          {columns.map((r) => (
            <td key={r.key}>{nf.format(r.plan.unassigned.length)}</td>
          ))}
        </tr>
        <tr>
          <th scope="row">{t('planner.score.seed')}</th>
          {columns.map((r) => (
            <td key={r.key}>
              {r.plan.seed} · {t(`planner.keepShort.${r.keepAssociations}`)} · {nf.format(r.minPopulation)}
            </td>
          ))}
        </tr>
        <tr>
          <th scope="row">{t('planner.score.time')}</th>
          {columns.map((r) => (
            <td key={r.key}>
              {nf2.format(r.elapsedMs / 1000)} s{r.plan.stoppedEarly ? ` (${t('planner.stoppedEarly')})` : ''}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

/** Downloads, the link, and saving every alliance as a draft. */
function PlanActions({ run, atlas }: { run: PlanRunResult; atlas: Atlas | null }) {
  const { t } = useTranslation();
  const all = useDraftsStore();
  const drafts = all.key === run.key ? all : null;
  const names = run.shown.alliances.map((a) => a.association ?? t('planner.draftName', { name: a.largest, count: a.members.length - 1 }));
  const base = `piano-${run.area ?? 'selezione'}-${run.plan.seed}`;
  return (
    <>
      <div className="toolbar">
        <button type="button" disabled={!atlas} onClick={() => atlas && downloadText(planCsv(run.plan, atlas.table), `${base}.csv`, 'text/csv')}>
          {t('planner.csv')}
        </button>
        <button
          type="button"
          disabled={!atlas}
          onClick={() => atlas && downloadText(JSON.stringify(planGeoJson(run.plan, atlas.table, names)), `${base}.geojson`, 'application/geo+json')}
        >
          {t('planner.geojson')}
        </button>
        <button type="button" onClick={() => void navigator.clipboard?.writeText(window.location.href)}>
          {t('planner.copyLink')}
        </button>
        <button type="button" disabled={all.state === 'saving' || drafts?.state === 'saved'} onClick={() => void saveAllAsDrafts(run, names)}>
          {t('planner.saveAll')}
        </button>
      </div>
      <div aria-live="polite" data-testid="plan-drafts" data-ids={drafts?.ids.join(' ')}>
        {drafts?.state === 'saving' && <p>{t('planner.saving', { done: drafts.ids.length, total: run.shown.alliances.length })}</p>}
        {drafts?.state === 'saved' && <p>{t('planner.saved', { count: drafts.ids.length })}</p>}
        {drafts?.state === 'error' && <p className="error">{t('planner.saveError', { count: drafts.ids.length, message: drafts.message })}</p>}
      </div>
    </>
  );
}
